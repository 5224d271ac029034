import { Migration } from '@mikro-orm/migrations';

export class Migration20261202191323 extends Migration {
  override name = 'Migration20261202191323';

  override up(): void | Promise<void> {
    this.addSql(`create type "proposal_opening" as enum ('AT_DEADLINE', 'BY_BUYER');`);
    this.addSql(
      `create table "consultation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "request_id" uuid not null, "entity_id" uuid not null, "file_number" varchar(255) not null, "response_deadline" timestamptz not null, "sealed" boolean not null, "opened_at" timestamptz null, "opened_by" "proposal_opening" null, "duration_months" int null, "need_items" jsonb not null, "extensions" jsonb not null, "reminded_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "consultation" add constraint "consultation_request_id_unique" unique ("request_id");`);
    this.addSql(
      `create index "consultation_to_remind" on "consultation" ("response_deadline") where "reminded_at" is null;`,
    );
    this.addSql(
      `create index "consultation_sealed_to_open" on "consultation" ("response_deadline") where "sealed" and "opened_at" is null;`,
    );

    this.addSql(`alter table "proposal" add "sealed" boolean not null default false;`);

    this.addSql(`alter table "solicitation" add "declined_at" timestamptz null, add "decline_reason" text null;`);
    // Requests submitted before deadlines existed get one a fortnight from now, unsealed: none is refused abruptly.
    this.addSql(`insert into "consultation" ("id", "request_id", "entity_id", "file_number", "response_deadline", "sealed", "need_items", "extensions")
      select gen_random_uuid(), "request_id", (array_agg("entity_id"))[1], min("file_number"), now() + interval '14 days', false, '[]', '[]'
      from "solicitation" group by "request_id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consultation" cascade;`);

    this.addSql(`alter table "proposal" drop column "sealed";`);

    this.addSql(`alter table "solicitation" drop column "declined_at", drop column "decline_reason";`);

    this.addSql(`drop type "proposal_opening";`);
  }
}
