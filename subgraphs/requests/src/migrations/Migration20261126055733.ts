import { Migration } from '@mikro-orm/migrations';

export class Migration20261126055733 extends Migration {
  override name = 'Migration20261126055733';

  override up(): void | Promise<void> {
    // Trigram indexes serve keyword searches (ILIKE '%…%') on file numbers and project names.
    this.addSql(`create extension if not exists pg_trgm;`);
    // File numbers: a sequence after the portal's last known number (168109-88 in the guide).
    this.addSql(`create sequence if not exists "request_file_number_seq" start with 168200;`);
    this.addSql(`create type "message_audience" as enum ('MARKET_HOLDER', 'BRAND');`);
    this.addSql(`create type "request_kind" as enum ('GUIDED_CHOICE', 'DEROGATION', 'RENEWAL', 'COMPLEMENTARY');`);
    this.addSql(
      `create type "request_status" as enum ('DRAFT', 'SENT', 'AWAITING_PROVIDER', 'PROPOSALS_RECEIVED', 'ORDERED', 'CLOSED', 'CANCELLED');`,
    );
    this.addSql(
      `create table "event_inbox" ("id" uuid not null, "topic" varchar(255) not null, "source" varchar(255) not null, "received_at" timestamptz not null default now(), primary key ("id"));`,
    );

    this.addSql(
      `create table "known_guided_choice" ("id" uuid not null, "entity_id" uuid not null, "project_name" varchar(255) not null, "matches" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_guided_choice_entity_id_index" on "known_guided_choice" ("entity_id");`);

    this.addSql(
      `create table "known_product" ("id" uuid not null, "brand_id" uuid not null, "code" varchar(255) not null, "designation" varchar(255) not null, "retired" boolean not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "known_solution" ("id" uuid not null, "brand_id" uuid not null, "name" varchar(255) not null, "retired" boolean not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_solution_brand_id_index" on "known_solution" ("brand_id");`);

    this.addSql(
      `create table "message" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_id" uuid not null, "audience" "message_audience" not null, "brand_id" uuid null, "author_id" varchar(255) not null, "author_name" varchar(255) not null, "author_role" varchar(255) not null, "body" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "message_subject_id_created_at_index" on "message" ("subject_id", "created_at");`);

    this.addSql(
      `create table "document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_id" uuid null, "message_id" uuid null, "kind" varchar(255) null, "file_name" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "storage_key" varchar(255) not null, "download_url" varchar(255) not null, "uploaded_by_id" varchar(255) not null, "uploaded_by_name" varchar(255) not null, "uploaded_by_role" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "document_uploaded_by_id_index" on "document" ("uploaded_by_id");`);
    this.addSql(`create index "document_subject_id_created_at_index" on "document" ("subject_id", "created_at");`);

    this.addSql(
      `create table "message_read" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "message_id" uuid not null, "reader_id" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "message_read_reader_id_index" on "message_read" ("reader_id");`);
    this.addSql(
      `alter table "message_read" add constraint "message_read_message_id_reader_id_unique" unique ("message_id", "reader_id");`,
    );

    this.addSql(
      `create table "event_outbox" ("id" uuid not null, "topic" varchar(255) not null, "payload" jsonb not null, "occurred_at" timestamptz not null default now(), "published_at" timestamptz null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "event_outbox_published_at_next_attempt_at_index" on "event_outbox" ("published_at", "next_attempt_at");`,
    );

    this.addSql(
      `create table "team" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "entity_id" uuid not null, "name" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "team_entity_id_index" on "team" ("entity_id");`);
    this.addSql(`alter table "team" add constraint "team_entity_id_name_unique" unique ("entity_id", "name");`);

    this.addSql(
      `create table "project" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "entity_id" uuid not null, "team_id" uuid null, "code_name" varchar(255) not null, "short_description" text not null, "created_by_id" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "project_entity_id_index" on "project" ("entity_id");`);
    this.addSql(`create index "project_code_name_trgm" on "project" using gin ("code_name" gin_trgm_ops);`);
    this.addSql(
      `alter table "project" add constraint "project_entity_id_code_name_unique" unique ("entity_id", "code_name");`,
    );

    this.addSql(
      `create table "service_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "file_number" varchar(255) null, "kind" "request_kind" not null, "status" "request_status" not null default 'DRAFT', "project_id" uuid not null, "entity_id" uuid not null, "created_by_id" varchar(255) not null, "created_by_name" varchar(255) not null, "my_reference" varchar(255) null, "guided_choice_id" uuid null, "derogation_reason" text null, "derogation_signed_by" varchar(255) null, "derogation_signed_at" timestamptz null, "desired_start_date" date null, "duration_years" int null, "need_text" text null, "submitted_at" timestamptz null, "status_changed_at" timestamptz not null, "cancel_reason" text null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(
      `alter table "service_request" add constraint "service_request_file_number_unique" unique ("file_number");`,
    );
    this.addSql(
      `create index "service_request_file_number_trgm" on "service_request" using gin ("file_number" gin_trgm_ops);`,
    );
    this.addSql(`create index "service_request_created_at_index" on "service_request" ("created_at");`);
    this.addSql(
      `create index "service_request_status_created_at_index" on "service_request" ("status", "created_at");`,
    );
    this.addSql(
      `create index "service_request_entity_id_created_at_index" on "service_request" ("entity_id", "created_at");`,
    );

    this.addSql(
      `create table "request_solution" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "request_id" uuid not null, "position" int not null default 0, "brand_id" uuid not null, "solution_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "request_solution_request_id_index" on "request_solution" ("request_id");`);
    this.addSql(`create index "request_solution_brand_id_index" on "request_solution" ("brand_id");`);
    this.addSql(
      `alter table "request_solution" add constraint "request_solution_request_id_solution_id_unique" unique ("request_id", "solution_id");`,
    );

    this.addSql(
      `create table "request_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "request_id" uuid not null, "position" int not null default 0, "order_id" uuid null, "order_line_id" uuid null, "product_id" uuid null, "brand_id" uuid null, "designation" varchar(255) not null, "product_code" varchar(255) null, "quantity" numeric(12,2) not null, primary key ("id"));`,
    );
    this.addSql(`create index "request_item_request_id_index" on "request_item" ("request_id");`);

    this.addSql(
      `create table "team_member" ("team_id" uuid not null, "person_id" uuid not null, primary key ("team_id", "person_id"));`,
    );

    this.addSql(
      `alter table "beneficiary_entity" add "chorus_service_code" varchar(255) null, add "purchasing_references" text[] not null;`,
    );

    this.addSql(
      `alter table "person" add "password_hash" varchar(255) null, add "activated_at" timestamptz null, add "activation_token_hash" varchar(255) null, add "activation_expires_at" timestamptz null;`,
    );
    this.addSql(`create index "person_activation_token_hash_index" on "person" ("activation_token_hash");`);

    this.addSql(
      `alter table "document" add constraint "document_message_id_foreign" foreign key ("message_id") references "message" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "message_read" add constraint "message_read_message_id_foreign" foreign key ("message_id") references "message" ("id");`,
    );

    this.addSql(
      `alter table "team" add constraint "team_entity_id_foreign" foreign key ("entity_id") references "beneficiary_entity" ("id");`,
    );

    this.addSql(
      `alter table "project" add constraint "project_entity_id_foreign" foreign key ("entity_id") references "beneficiary_entity" ("id");`,
    );
    this.addSql(
      `alter table "project" add constraint "project_team_id_foreign" foreign key ("team_id") references "team" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "service_request" add constraint "service_request_project_id_foreign" foreign key ("project_id") references "project" ("id");`,
    );

    this.addSql(
      `alter table "request_solution" add constraint "request_solution_request_id_foreign" foreign key ("request_id") references "service_request" ("id");`,
    );

    this.addSql(
      `alter table "request_item" add constraint "request_item_request_id_foreign" foreign key ("request_id") references "service_request" ("id");`,
    );

    this.addSql(
      `alter table "team_member" add constraint "team_member_team_id_foreign" foreign key ("team_id") references "team" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "team_member" add constraint "team_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "request_file_number_seq";`);
    this.addSql(`alter table "document" drop constraint "document_message_id_foreign";`);
    this.addSql(`alter table "message_read" drop constraint "message_read_message_id_foreign";`);
    this.addSql(`alter table "project" drop constraint "project_team_id_foreign";`);
    this.addSql(`alter table "team_member" drop constraint "team_member_team_id_foreign";`);
    this.addSql(`alter table "service_request" drop constraint "service_request_project_id_foreign";`);
    this.addSql(`alter table "request_solution" drop constraint "request_solution_request_id_foreign";`);
    this.addSql(`alter table "request_item" drop constraint "request_item_request_id_foreign";`);

    this.addSql(`drop table if exists "event_inbox" cascade;`);
    this.addSql(`drop table if exists "known_guided_choice" cascade;`);
    this.addSql(`drop table if exists "known_product" cascade;`);
    this.addSql(`drop table if exists "known_solution" cascade;`);
    this.addSql(`drop table if exists "message" cascade;`);
    this.addSql(`drop table if exists "document" cascade;`);
    this.addSql(`drop table if exists "message_read" cascade;`);
    this.addSql(`drop table if exists "event_outbox" cascade;`);
    this.addSql(`drop table if exists "team" cascade;`);
    this.addSql(`drop table if exists "project" cascade;`);
    this.addSql(`drop table if exists "service_request" cascade;`);
    this.addSql(`drop table if exists "request_solution" cascade;`);
    this.addSql(`drop table if exists "request_item" cascade;`);
    this.addSql(`drop table if exists "team_member" cascade;`);

    this.addSql(
      `alter table "beneficiary_entity" drop column "chorus_service_code", drop column "purchasing_references";`,
    );

    this.addSql(`drop index "person_activation_token_hash_index";`);
    this.addSql(
      `alter table "person" drop column "password_hash", drop column "activated_at", drop column "activation_token_hash", drop column "activation_expires_at";`,
    );

    this.addSql(`drop type "message_audience";`);
    this.addSql(`drop type "request_kind";`);
    this.addSql(`drop type "request_status";`);
  }
}
