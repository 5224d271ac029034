import { Migration } from '@mikro-orm/migrations';

export class Migration20261126055406 extends Migration {
  override name = 'Migration20261126055406';

  override up(): void | Promise<void> {
    // Incident numbers after the guide's SAV-10498.
    this.addSql(`create sequence if not exists "incident_number_seq" start with 10500;`);
    this.addSql(`create type "incident_source" as enum ('ORDER', 'ACTIVATION');`);
    this.addSql(
      `create type "incident_status" as enum ('DECLARED', 'TAKEN_IN_CHARGE', 'AWAITING_BENEFICIARY', 'RESOLVED', 'CLOSED', 'REJECTED');`,
    );
    this.addSql(
      `create table "incident" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(255) not null, "order_id" uuid not null, "order_reference" varchar(255) not null, "entity_id" uuid not null, "brand_id" uuid not null, "type_code" varchar(255) not null, "source" "incident_source" not null, "description" text not null, "status" "incident_status" not null default 'DECLARED', "declared_by_name" varchar(255) not null, "declared_by_id" varchar(255) not null, "first_answered_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`alter table "incident" add constraint "incident_number_unique" unique ("number");`);
    this.addSql(`create index "incident_order_id_index" on "incident" ("order_id");`);
    this.addSql(`create index "incident_type_code_index" on "incident" ("type_code");`);
    this.addSql(`create index "incident_created_at_index" on "incident" ("created_at");`);
    this.addSql(`create index "incident_status_created_at_index" on "incident" ("status", "created_at");`);
    this.addSql(`create index "incident_brand_id_created_at_index" on "incident" ("brand_id", "created_at");`);
    this.addSql(`create index "incident_entity_id_created_at_index" on "incident" ("entity_id", "created_at");`);

    this.addSql(
      `create table "incident_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "incident_id" uuid not null, "from_status" "incident_status" null, "to_status" "incident_status" not null, "actor_name" varchar(255) not null, "actor_role" varchar(255) not null, "comment" text null, primary key ("id"));`,
    );
    this.addSql(`create index "incident_event_incident_id_index" on "incident_event" ("incident_id");`);

    this.addSql(
      `create table "known_order" ("id" uuid not null, "reference" varchar(255) not null, "entity_id" uuid not null, "brand_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_order_entity_id_index" on "known_order" ("entity_id");`);

    this.addSql(
      `alter table "incident_event" add constraint "incident_event_incident_id_foreign" foreign key ("incident_id") references "incident" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "incident_number_seq";`);
    this.addSql(`alter table "incident_event" drop constraint "incident_event_incident_id_foreign";`);

    this.addSql(`drop table if exists "incident" cascade;`);
    this.addSql(`drop table if exists "incident_event" cascade;`);
    this.addSql(`drop table if exists "known_order" cascade;`);

    this.addSql(`drop type "incident_source";`);
    this.addSql(`drop type "incident_status";`);
  }
}
