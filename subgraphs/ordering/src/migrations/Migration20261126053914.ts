import { Migration } from '@mikro-orm/migrations';

export class Migration20261126053914 extends Migration {
  override name = 'Migration20261126053914';

  override up(): void | Promise<void> {
    // Numbers in the guide's formats, after the last ones it shows (DC041181, BS000020, CC022591).
    this.addSql(`create sequence if not exists "proposal_number_seq" start with 41200;`);
    this.addSql(`create sequence if not exists "subscription_order_seq" start with 21;`);
    this.addSql(`create sequence if not exists "order_number_seq" start with 22600;`);
    this.addSql(
      `create type "proposal_status" as enum ('AWAITING_MANAGER', 'APPROVED', 'REJECTED_BY_MANAGER', 'ACCEPTED', 'REFUSED', 'WITHDRAWN', 'CLOSED');`,
    );
    this.addSql(`create type "subscription_billing_period" as enum ('ONE_OFF', 'MONTHLY', 'QUARTERLY', 'ANNUAL');`);
    this.addSql(`create type "subscription_billing_timing" as enum ('IN_ADVANCE', 'IN_ARREARS');`);
    this.addSql(`create type "proposal_document_kind" as enum ('PURCHASE_REQUEST', 'SUBSCRIPTION_ORDER');`);
    this.addSql(
      `create table "idempotency_key" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "brand_id" uuid not null, "key" varchar(255) not null, "operation" varchar(255) not null, "fingerprint" varchar(255) not null, "result_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "idempotency_key" add constraint "idempotency_key_brand_id_key_unique" unique ("brand_id", "key");`,
    );

    this.addSql(
      `create table "order_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" uuid not null, "position" int not null, "product_id" uuid null, "product_code" varchar(255) null, "designation" text not null, "quantity" numeric(12,2) not null, "quantity_delivered" numeric(12,2) not null default '0', "list_unit_price" numeric(14,2) not null, "unit_price" numeric(14,2) not null, "vat_rate" numeric(5,2) not null, "delivered_on" date null, "last_update_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "order_line_order_id_index" on "order_line" ("order_id");`);

    this.addSql(
      `create table "proposal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(255) not null, "request_id" uuid not null, "file_number" varchar(255) not null, "brand_id" uuid not null, "entity_id" uuid not null, "submitted_by_name" varchar(255) not null, "status" "proposal_status" not null default 'AWAITING_MANAGER', "valid_until" date not null, "commitment_months" int null, "billing_period" "subscription_billing_period" not null, "billing_timing" "subscription_billing_timing" not null, "revision" int not null default 0, "manager_comment" text null, "manager_name" varchar(255) null, "manager_decided_at" timestamptz null, "buyer_name" varchar(255) null, "cge_accepted_at" timestamptz null, "cgu_accepted_at" timestamptz null, "buyer_decided_at" timestamptz null, "refusal_reason" text null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`alter table "proposal" add constraint "proposal_number_unique" unique ("number");`);
    this.addSql(`create index "proposal_status_created_at_index" on "proposal" ("status", "created_at");`);
    this.addSql(`create index "proposal_brand_id_created_at_index" on "proposal" ("brand_id", "created_at");`);
    this.addSql(`create index "proposal_entity_id_created_at_index" on "proposal" ("entity_id", "created_at");`);
    this.addSql(`create index "proposal_request_id_index" on "proposal" ("request_id");`);

    this.addSql(
      `create table "proposal_document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "proposal_id" uuid not null, "kind" "proposal_document_kind" not null, "file_name" varchar(255) not null, "size" int not null, "storage_key" varchar(255) not null, "created_by_name" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "proposal_document_proposal_id_index" on "proposal_document" ("proposal_id");`);

    this.addSql(
      `create table "proposal_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "proposal_id" uuid not null, "position" int not null, "product_id" uuid null, "product_code" varchar(255) null, "designation" text not null, "quantity" numeric(12,2) not null, "list_unit_price" numeric(14,2) not null, "unit_price" numeric(14,2) not null, "vat_rate" numeric(5,2) not null, primary key ("id"));`,
    );
    this.addSql(`create index "proposal_line_proposal_id_index" on "proposal_line" ("proposal_id");`);

    this.addSql(
      `create table "subscription_order" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(255) not null, "proposal_id" uuid not null, "order_id" uuid not null, "entity_id" uuid not null, "brand_id" uuid not null, "subscribed_by_name" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "subscription_order" add constraint "subscription_order_number_unique" unique ("number");`,
    );
    this.addSql(
      `alter table "subscription_order" add constraint "subscription_order_proposal_id_unique" unique ("proposal_id");`,
    );
    this.addSql(
      `create index "subscription_order_brand_id_created_at_index" on "subscription_order" ("brand_id", "created_at");`,
    );
    this.addSql(
      `create index "subscription_order_entity_id_created_at_index" on "subscription_order" ("entity_id", "created_at");`,
    );

    this.addSql(
      `alter table "customer_order" add "proposal_id" uuid null, add "request_id" uuid null, add "file_number" varchar(255) null, add "proposal_number" varchar(255) null, add "placed_by_name" varchar(255) null, add "ugap_reference" varchar(255) null, add "chorus_number" varchar(255) null, add "planned_delivery_date" date null, add "start_date" date null, add "commitment_months" int null, add "billing_period" varchar(255) null, add "billing_timing" varchar(255) null, add "version" int not null default 1;`,
    );
    this.addSql(`create index "customer_order_ugap_reference_index" on "customer_order" ("ugap_reference");`);

    this.addSql(
      `alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`,
    );

    this.addSql(
      `alter table "proposal_document" add constraint "proposal_document_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id");`,
    );

    this.addSql(
      `alter table "proposal_line" add constraint "proposal_line_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id");`,
    );

    this.addSql(
      `alter table "subscription_order" add constraint "subscription_order_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "proposal_number_seq", "subscription_order_seq", "order_number_seq";`);
    this.addSql(`alter table "proposal_document" drop constraint "proposal_document_proposal_id_foreign";`);
    this.addSql(`alter table "proposal_line" drop constraint "proposal_line_proposal_id_foreign";`);
    this.addSql(`alter table "subscription_order" drop constraint "subscription_order_proposal_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_key" cascade;`);
    this.addSql(`drop table if exists "order_line" cascade;`);
    this.addSql(`drop table if exists "proposal" cascade;`);
    this.addSql(`drop table if exists "proposal_document" cascade;`);
    this.addSql(`drop table if exists "proposal_line" cascade;`);
    this.addSql(`drop table if exists "subscription_order" cascade;`);

    this.addSql(`drop index "customer_order_ugap_reference_index";`);
    this.addSql(
      `alter table "customer_order" drop column "proposal_id", drop column "request_id", drop column "file_number", drop column "proposal_number", drop column "placed_by_name", drop column "ugap_reference", drop column "chorus_number", drop column "planned_delivery_date", drop column "start_date", drop column "commitment_months", drop column "billing_period", drop column "billing_timing", drop column "version";`,
    );

    this.addSql(`drop type "proposal_status";`);
    this.addSql(`drop type "subscription_billing_period";`);
    this.addSql(`drop type "subscription_billing_timing";`);
    this.addSql(`drop type "proposal_document_kind";`);
  }
}
