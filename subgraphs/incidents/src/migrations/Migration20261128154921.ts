import { Migration } from '@mikro-orm/migrations';

export class Migration20261128154921 extends Migration {
  override name = 'Migration20261128154921';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "history_subject" as enum ('REQUEST', 'PROPOSAL', 'SUBSCRIPTION_ORDER', 'ORDER', 'DELIVERY', 'ACTIVATION', 'INVOICE', 'INCIDENT');`,
    );
    this.addSql(
      `create table "history_entry" ("id" uuid not null, "at" timestamptz not null default now(), "subject_type" "history_subject" not null, "subject_id" uuid not null, "subject_reference" varchar(255) not null, "file_id" uuid null, "entity_id" uuid null, "brand_id" uuid null, "actor_id" varchar(255) null, "actor_name" varchar(255) not null, "actor_role" varchar(255) not null, "action" varchar(255) not null, "from_status" varchar(255) null, "to_status" varchar(255) null, "summary_fr" text not null, "summary_en" text not null, "comment" text null, "changes" jsonb not null, "source" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "history_entry_file_id_at_index" on "history_entry" ("file_id", "at");`);
    this.addSql(`create index "history_entry_subject_id_at_index" on "history_entry" ("subject_id", "at");`);

    // The steps recorded so far move to the shared history, as they were.
    this.addSql(`insert into "history_entry" ("id", "at", "subject_type", "subject_id", "subject_reference", "entity_id", "brand_id", "actor_name", "actor_role", "action", "from_status", "to_status", "summary_fr", "summary_en", "comment", "changes", "source")
      select e."id", e."created_at", 'INCIDENT', i."id", i."number", i."entity_id", i."brand_id", e."actor_name", e."actor_role", case when e."from_status" is null then 'declare' else 'move' end,
             e."from_status"::text, e."to_status"::text, 'Incident ' || i."number" || ' : ' || e."to_status", 'Incident ' || i."number" || ': ' || e."to_status", e."comment", '[]'::jsonb, 'incidents'
        from "incident_event" e join "incident" i on i."id" = e."incident_id";`);
    this.addSql(`drop table if exists "incident_event" cascade;`);

    this.addSql(`alter table "incident" add "request_id" uuid null;`);

    this.addSql(`alter table "known_order" add "request_id" uuid null;`);

    this.addSql(
      `create or replace function "history_entry_history_entry_append_only_fn"() returns trigger as $$ begin raise exception 'history entries are never edited or deleted'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "history_entry_append_only" BEFORE UPDATE OR DELETE on "history_entry" for each ROW execute function "history_entry_history_entry_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create table "incident_event" ("id" uuid not null, "created_at" timestamptz(6) not null default now(), "updated_at" timestamptz(6) not null default now(), "incident_id" uuid not null, "from_status" "incident_status" null, "to_status" "incident_status" not null, "actor_name" varchar(255) not null, "actor_role" varchar(255) not null, "comment" text null, primary key ("id"));`,
    );
    this.addSql(`create index "incident_event_incident_id_index" on "incident_event" ("incident_id");`);

    this.addSql(`drop trigger if exists "history_entry_append_only" on "history_entry";`);
    this.addSql(`drop function if exists "history_entry_history_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "history_entry" cascade;`);

    this.addSql(`alter table "incident" drop column "request_id";`);

    this.addSql(`alter table "known_order" drop column "request_id";`);

    this.addSql(
      `alter table "incident_event" add constraint "incident_event_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update no action on delete no action;`,
    );

    this.addSql(`drop type "history_subject";`);
  }
}
