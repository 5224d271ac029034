import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045012 extends Migration {
  override name = 'Migration20261125045012';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "customer_order" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "reference" varchar(255) not null, "status" varchar(255) not null, "entity_id" uuid not null, "brand_id" uuid not null, "placed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "customer_order" add constraint "customer_order_reference_unique" unique ("reference");`);
    this.addSql(`create index "customer_order_placed_at_id_index" on "customer_order" ("placed_at", "id");`);
    this.addSql(
      `create index "customer_order_brand_id_placed_at_id_index" on "customer_order" ("brand_id", "placed_at", "id");`,
    );
    this.addSql(
      `create index "customer_order_entity_id_placed_at_id_index" on "customer_order" ("entity_id", "placed_at", "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "customer_order" cascade;`);
  }
}
