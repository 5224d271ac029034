import { Migration } from '@mikro-orm/migrations';

export class Migration20261128155230 extends Migration {
  override name = 'Migration20261128155230';

  override up(): void | Promise<void> {
    // French stemming without accents, for the global search: "securise" finds "sécurisé".
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`do $$ begin
      if not exists (select 1 from pg_ts_config where cfgname = 'nuage_french') then
        create text search configuration nuage_french (copy = french);
        alter text search configuration nuage_french alter mapping for hword, hword_part, word with unaccent, french_stem;
      end if;
    end $$;`);
    this.addSql(
      `create table "search_document" ("id" uuid not null, "subject_type" "history_subject" not null, "reference" varchar(255) not null, "refs" text[] not null, "refs_text" text not null, "title" text null, "body" text null, "summary_fr" text null, "summary_en" text null, "file_id" uuid null, "order_id" uuid null, "entity_id" uuid null, "brand_ids" text[] not null, "updated_at" timestamptz not null default now(), "words" tsvector generated always as (to_tsvector('nuage_french', coalesce(title, '') || ' ' || coalesce(body, ''))) stored not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "search_document_entity_id_updated_at_index" on "search_document" ("entity_id", "updated_at");`,
    );
    this.addSql(`create index "search_document_brands" on "search_document" using gin ("brand_ids");`);
    this.addSql(`create index "search_document_words" on "search_document" using gin ("words");`);
    this.addSql(`create index "search_document_refs" on "search_document" using gin ("refs");`);
    this.addSql(`create index "search_document_refs_text" on "search_document" using gin ("refs_text" gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "search_document" cascade;`);
    this.addSql(`drop text search configuration if exists nuage_french;`);
  }
}
