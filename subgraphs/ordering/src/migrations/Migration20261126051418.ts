import { Migration } from '@mikro-orm/migrations';

export class Migration20261126051418 extends Migration {
  override name = 'Migration20261126051418';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "solicitation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "request_id" uuid not null, "brand_id" uuid not null, "solution_ids" text[] not null, "entity_id" uuid not null, "file_number" varchar(255) not null, "project_name" varchar(255) not null, "submitted_at" timestamptz not null, "closed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "solicitation_entity_id_index" on "solicitation" ("entity_id");`);
    this.addSql(
      `create index "solicitation_brand_id_submitted_at_index" on "solicitation" ("brand_id", "submitted_at");`,
    );
    this.addSql(
      `alter table "solicitation" add constraint "solicitation_request_id_brand_id_unique" unique ("request_id", "brand_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "solicitation" cascade;`);
  }
}
