import { Migration } from '@mikro-orm/migrations';

export class Migration20261126060620 extends Migration {
  override name = 'Migration20261126060620';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "commitment" ("order_line_id" uuid not null, "order_id" uuid not null, "order_reference" varchar(255) not null, "request_id" uuid null, "entity_id" uuid not null, "brand_id" uuid not null, "project_name" varchar(255) null, "designation" text not null, "committed_amount" numeric(14,2) not null, "start_date" date not null, "due_date" date not null, primary key ("order_line_id"));`,
    );
    this.addSql(`create index "commitment_request_id_index" on "commitment" ("request_id");`);
    this.addSql(`create index "commitment_entity_id_index" on "commitment" ("entity_id");`);
    this.addSql(`create index "commitment_order_id_index" on "commitment" ("order_id");`);

    this.addSql(
      `create table "consumption_alert" ("id" uuid not null, "created_at" timestamptz not null default now(), "order_line_id" uuid not null, "entity_id" uuid not null, "kind" varchar(255) not null, "threshold" int not null, "percent_used" numeric(7,2) not null, "proposed_renewal" numeric(14,2) not null, "forecast_exhaustion" date null, "renewal_requested_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "consumption_alert_entity_id_created_at_index" on "consumption_alert" ("entity_id", "created_at");`,
    );
    this.addSql(
      `alter table "consumption_alert" add constraint "consumption_alert_order_line_id_kind_threshold_unique" unique ("order_line_id", "kind", "threshold");`,
    );

    this.addSql(
      `create table "usage_line" ("id" bigserial primary key, "brand_id" uuid not null, "line_id" varchar(255) not null, "order_line_id" uuid not null, "charge_period_start" timestamptz not null, "charge_period_end" timestamptz not null, "service_name" varchar(255) not null, "service_category" varchar(255) not null, "resource_id" varchar(255) null, "sku_id" varchar(255) null, "consumed_quantity" numeric(20,6) not null, "consumed_unit" varchar(255) not null, "billed_cost" numeric(14,4) not null, "effective_cost" numeric(14,4) not null, "currency" varchar(3) not null, "tags" jsonb null);`,
    );
    this.addSql(`create index "usage_line_charge_period_start_index" on "usage_line" ("charge_period_start");`);
    this.addSql(
      `create index "usage_line_order_line_id_charge_period_start_index" on "usage_line" ("order_line_id", "charge_period_start");`,
    );
    this.addSql(
      `alter table "usage_line" add constraint "usage_line_brand_id_line_id_unique" unique ("brand_id", "line_id");`,
    );

    this.addSql(
      `create table "usage_month" ("order_line_id" uuid not null, "month" date not null, "service_category" varchar(255) not null, "entity_id" uuid not null, "brand_id" uuid not null, "effective_cost" numeric(16,4) not null, "billed_cost" numeric(16,4) not null, "lines" int not null, primary key ("order_line_id", "month", "service_category"));`,
    );
    this.addSql(`create index "usage_month_month_index" on "usage_month" ("month");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "commitment" cascade;`);
    this.addSql(`drop table if exists "consumption_alert" cascade;`);
    this.addSql(`drop table if exists "usage_line" cascade;`);
    this.addSql(`drop table if exists "usage_month" cascade;`);
  }
}
