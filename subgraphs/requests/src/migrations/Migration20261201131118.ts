import { Migration } from '@mikro-orm/migrations';

export class Migration20261201131118 extends Migration {
  override name = 'Migration20261201131118';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "known_order" ("id" uuid not null, "entity_id" uuid not null, "brand_id" uuid not null, "reference" varchar(255) not null, "lines" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_order_entity_id_index" on "known_order" ("entity_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "known_order" cascade;`);
  }
}
