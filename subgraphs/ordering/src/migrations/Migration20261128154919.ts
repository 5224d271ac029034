import { Migration } from '@mikro-orm/migrations';

export class Migration20261128154919 extends Migration {
  override name = 'Migration20261128154919';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "history_subject" as enum ('REQUEST', 'PROPOSAL', 'SUBSCRIPTION_ORDER', 'ORDER', 'DELIVERY', 'ACTIVATION', 'INVOICE', 'INCIDENT');`,
    );
    this.addSql(
      `create table "history_entry" ("id" uuid not null, "at" timestamptz not null default now(), "subject_type" "history_subject" not null, "subject_id" uuid not null, "subject_reference" varchar(255) not null, "file_id" uuid null, "entity_id" uuid null, "brand_id" uuid null, "actor_id" varchar(255) null, "actor_name" varchar(255) not null, "actor_role" varchar(255) not null, "action" varchar(255) not null, "from_status" varchar(255) null, "to_status" varchar(255) null, "summary_fr" text not null, "summary_en" text not null, "comment" text null, "changes" jsonb not null, "source" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "history_entry_file_id_at_index" on "history_entry" ("file_id", "at");`);
    this.addSql(`create index "history_entry_subject_id_at_index" on "history_entry" ("subject_id", "at");`);

    this.addSql(
      `create or replace function "history_entry_history_entry_append_only_fn"() returns trigger as $$ begin raise exception 'history entries are never edited or deleted'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "history_entry_append_only" BEFORE UPDATE OR DELETE on "history_entry" for each ROW execute function "history_entry_history_entry_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "history_entry_append_only" on "history_entry";`);
    this.addSql(`drop function if exists "history_entry_history_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "history_entry" cascade;`);

    this.addSql(`drop type "history_subject";`);
  }
}
