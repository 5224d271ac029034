import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045014 extends Migration {
  override name = 'Migration20261125045014';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "alert_settings" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "entity_id" uuid not null, "thresholds" text[] not null, primary key ("id"));`,
    );
    this.addSql(`alter table "alert_settings" add constraint "alert_settings_entity_id_unique" unique ("entity_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "alert_settings" cascade;`);
  }
}
