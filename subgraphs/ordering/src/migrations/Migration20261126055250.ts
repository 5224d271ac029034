import { Migration } from '@mikro-orm/migrations';

export class Migration20261126055250 extends Migration {
  override name = 'Migration20261126055250';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "order_incident" ("incident_id" uuid not null, "order_id" uuid not null, "open" boolean not null, primary key ("incident_id"));`,
    );
    this.addSql(`create index "order_incident_order_id_index" on "order_incident" ("order_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_incident" cascade;`);
  }
}
