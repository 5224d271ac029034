import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045013 extends Migration {
  override name = 'Migration20261125045013';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "incident_type" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(255) not null, "label_fr" varchar(255) not null, "label_en" varchar(255) not null, "position" int not null, "retired_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "incident_type" add constraint "incident_type_code_unique" unique ("code");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "incident_type" cascade;`);
  }
}
