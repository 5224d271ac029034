import { Migration } from '@mikro-orm/migrations';

export class Migration20261126045358 extends Migration {
  override name = 'Migration20261126045358';

  override up(): void | Promise<void> {
    // Trigram indexes make "words in the designation" searches (ILIKE '%…%') use an index.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "question_rule" as enum ('EXPOSURE', 'CERTIFICATION', 'SERVICE_CATEGORY');`);
    this.addSql(`create type "billing_period" as enum ('ONE_OFF', 'MONTHLY', 'QUARTERLY', 'ANNUAL');`);
    this.addSql(`create type "billing_timing" as enum ('IN_ADVANCE', 'IN_ARREARS');`);
    this.addSql(
      `create table "catalogue_change" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_type" varchar(255) not null, "subject_id" uuid not null, "action" varchar(255) not null, "author_id" varchar(255) not null, "author_name" varchar(255) not null, "before" jsonb null, "after" jsonb null, "reason" text null, primary key ("id"));`,
    );
    this.addSql(`create index "catalogue_change_created_at_index" on "catalogue_change" ("created_at");`);
    this.addSql(
      `create index "catalogue_change_subject_id_created_at_index" on "catalogue_change" ("subject_id", "created_at");`,
    );

    this.addSql(
      `create table "guided_choice" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_name" varchar(255) not null, "market_id" uuid not null, "entity_id" uuid not null, "entity_name" varchar(255) null, "author_id" varchar(255) not null, "author_name" varchar(255) not null, "as_of" date not null, "matched_brand_ids" text[] not null, "result" jsonb not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "guided_choice_matched_brand_ids_index" on "guided_choice" using gin ("matched_brand_ids");`,
    );
    this.addSql(
      `create index "guided_choice_entity_id_created_at_index" on "guided_choice" ("entity_id", "created_at");`,
    );

    this.addSql(
      `create table "question" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(255) not null, "label_fr" varchar(255) not null, "label_en" varchar(255) not null, "position" int not null, "mandatory" boolean not null, "multiple" boolean not null, "rule" "question_rule" not null, primary key ("id"));`,
    );
    this.addSql(`alter table "question" add constraint "question_code_unique" unique ("code");`);

    this.addSql(
      `create table "question_option" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "question_id" uuid not null, "code" varchar(255) not null, "label_fr" varchar(255) not null, "label_en" varchar(255) not null, "criterion" varchar(255) not null, "position" int not null, "retired_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "question_option_question_id_index" on "question_option" ("question_id");`);
    this.addSql(
      `alter table "question_option" add constraint "question_option_question_id_code_unique" unique ("question_id", "code");`,
    );

    this.addSql(
      `create table "product" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(255) not null, "designation" varchar(255) not null, "brand_id" uuid not null, "solution_id" uuid null, "unit" varchar(255) not null, "commitment_months" int null, "billing_period" "billing_period" not null, "billing_timing" "billing_timing" not null, "list_price" numeric(14,2) null, "discount_percent" numeric(5,2) null, "illustrative_price" boolean not null default false, "retired_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "product" add constraint "product_code_unique" unique ("code");`);
    this.addSql(`create index "product_brand_id_index" on "product" ("brand_id");`);
    this.addSql(`create index "product_solution_id_index" on "product" ("solution_id");`);
    this.addSql(`create index "product_code_prefix" on "product" ("code" text_pattern_ops);`);
    this.addSql(`create index "product_designation_trgm" on "product" using gin ("designation" gin_trgm_ops);`);

    this.addSql(`alter table "solution" add "retired_at" timestamptz null;`);

    this.addSql(
      `alter table "guided_choice" add constraint "guided_choice_market_id_foreign" foreign key ("market_id") references "market" ("id");`,
    );

    this.addSql(
      `alter table "question_option" add constraint "question_option_question_id_foreign" foreign key ("question_id") references "question" ("id");`,
    );

    this.addSql(
      `alter table "product" add constraint "product_brand_id_foreign" foreign key ("brand_id") references "brand" ("id");`,
    );
    this.addSql(
      `alter table "product" add constraint "product_solution_id_foreign" foreign key ("solution_id") references "solution" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "question_option" drop constraint "question_option_question_id_foreign";`);

    this.addSql(`drop table if exists "catalogue_change" cascade;`);
    this.addSql(`drop table if exists "guided_choice" cascade;`);
    this.addSql(`drop table if exists "question" cascade;`);
    this.addSql(`drop table if exists "question_option" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`alter table "solution" drop column "retired_at";`);

    this.addSql(`drop type "question_rule";`);
    this.addSql(`drop type "billing_period";`);
    this.addSql(`drop type "billing_timing";`);
  }
}
