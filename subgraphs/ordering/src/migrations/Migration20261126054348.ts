import { Migration } from '@mikro-orm/migrations';

export class Migration20261126054348 extends Migration {
  override name = 'Migration20261126054348';

  override up(): void | Promise<void> {
    this.addSql(`create sequence if not exists "delivery_number_seq" start with 4500;`);
    this.addSql(`create sequence if not exists "invoice_number_seq" start with 100;`);
    this.addSql(`create type "delay_status" as enum ('PENDING', 'ACCEPTED', 'REFUSED');`);
    this.addSql(
      `create table "invoice" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(255) not null, "order_id" uuid not null, "period_start" date not null, "period_end" date not null, "issue_date" date not null, "amount_excl_vat" numeric(14,2) not null, "vat_amount" numeric(14,2) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`create index "invoice_order_id_period_start_index" on "invoice" ("order_id", "period_start");`);

    this.addSql(
      `create table "delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(255) not null, "order_id" uuid not null, "brand_id" uuid not null, "entity_id" uuid not null, "delivered_on" date not null, "recorded_by_name" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "delivery" add constraint "delivery_number_unique" unique ("number");`);
    this.addSql(`create index "delivery_order_id_index" on "delivery" ("order_id");`);
    this.addSql(`create index "delivery_entity_id_created_at_index" on "delivery" ("entity_id", "created_at");`);
    this.addSql(`create index "delivery_brand_id_created_at_index" on "delivery" ("brand_id", "created_at");`);

    this.addSql(
      `create table "delay_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" uuid not null, "requested_date" date not null, "reason" text not null, "requested_by_name" varchar(255) not null, "requested_by_role" varchar(255) not null, "status" "delay_status" not null default 'PENDING', "answered_by_name" varchar(255) null, "answer" text null, "answered_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "delay_request_order_id_index" on "delay_request" ("order_id");`);

    this.addSql(
      `create table "delivery_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "delivery_id" uuid not null, "order_line_id" uuid not null, "quantity" numeric(12,2) not null, primary key ("id"));`,
    );
    this.addSql(`create index "delivery_line_delivery_id_index" on "delivery_line" ("delivery_id");`);

    this.addSql(
      `alter table "customer_order" add "project_name" varchar(255) null, add "entity_siret" varchar(255) null, add "services_opened_at" timestamptz null, add "activated_at" timestamptz null, add "due_date" date null;`,
    );
    this.addSql(`create index "customer_order_entity_siret_index" on "customer_order" ("entity_siret");`);
    this.addSql(`create index "customer_order_due_date_index" on "customer_order" ("due_date");`);

    this.addSql(`alter table "solicitation" add "entity_siret" varchar(255) null;`);

    this.addSql(
      `alter table "invoice" add constraint "invoice_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`,
    );

    this.addSql(
      `alter table "delivery" add constraint "delivery_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`,
    );

    this.addSql(
      `alter table "delay_request" add constraint "delay_request_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`,
    );

    this.addSql(
      `alter table "delivery_line" add constraint "delivery_line_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id");`,
    );
    this.addSql(
      `alter table "delivery_line" add constraint "delivery_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "delivery_number_seq", "invoice_number_seq";`);
    this.addSql(`alter table "delivery_line" drop constraint "delivery_line_delivery_id_foreign";`);

    this.addSql(`drop table if exists "invoice" cascade;`);
    this.addSql(`drop table if exists "delivery" cascade;`);
    this.addSql(`drop table if exists "delay_request" cascade;`);
    this.addSql(`drop table if exists "delivery_line" cascade;`);

    this.addSql(`drop index "customer_order_entity_siret_index";`);
    this.addSql(`drop index "customer_order_due_date_index";`);
    this.addSql(
      `alter table "customer_order" drop column "project_name", drop column "entity_siret", drop column "services_opened_at", drop column "activated_at", drop column "due_date";`,
    );

    this.addSql(`alter table "solicitation" drop column "entity_siret";`);

    this.addSql(`drop type "delay_status";`);
  }
}
