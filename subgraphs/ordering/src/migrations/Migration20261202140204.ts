import { Migration } from '@mikro-orm/migrations';

/**
 * Invoices with a lifecycle and lines, credit notes, the buyer's legal commitment (EJ), and the
 * parties documents name.
 */
export class Migration20261202140204 extends Migration {
  override name = 'Migration20261202140204';

  override up(): void | Promise<void> {
    this.addSql(`create type "invoice_status" as enum ('SCHEDULED', 'ISSUED', 'SUSPENDED', 'PAID', 'CANCELLED');`);
    this.addSql(
      `create table "known_brand" ("id" uuid not null, "name" varchar(255) not null, "legal" jsonb not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "known_market" ("id" uuid not null, "code" varchar(255) not null, "parties" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`alter table "known_market" add constraint "known_market_code_unique" unique ("code");`);

    this.addSql(
      `create table "credit_note" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(255) not null, "incident_id" uuid not null, "order_id" uuid not null, "invoice_id" uuid not null, "entity_id" uuid not null, "brand_id" uuid not null, "amount_excl_vat" numeric(14,2) not null, "vat_amount" numeric(14,2) not null, "reason" text not null, "stated_by_name" varchar(255) not null, "stated_by_role" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "credit_note" add constraint "credit_note_number_unique" unique ("number");`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_incident_id_unique" unique ("incident_id");`);
    this.addSql(`create index "credit_note_order_id_index" on "credit_note" ("order_id");`);
    this.addSql(`create index "credit_note_invoice_id_index" on "credit_note" ("invoice_id");`);
    this.addSql(
      `create index "credit_note_brand_id_created_at_id_index" on "credit_note" ("brand_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "credit_note_entity_id_created_at_id_index" on "credit_note" ("entity_id", "created_at", "id");`,
    );

    this.addSql(
      `create table "invoice_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "invoice_id" uuid not null, "order_line_id" uuid not null, "position" int not null, "designation" text not null, "amount_excl_vat" numeric(14,2) not null, "vat_rate" numeric(5,2) not null, primary key ("id"));`,
    );
    this.addSql(`create index "invoice_line_invoice_id_index" on "invoice_line" ("invoice_id");`);
    this.addSql(`create index "invoice_line_order_line_id_index" on "invoice_line" ("order_line_id");`);

    this.addSql(
      `create table "credit_note_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "credit_note_id" uuid not null, "order_line_id" uuid not null, "position" int not null, "designation" text not null, "amount_excl_vat" numeric(14,2) not null, "vat_rate" numeric(5,2) not null, primary key ("id"));`,
    );
    this.addSql(`create index "credit_note_line_credit_note_id_index" on "credit_note_line" ("credit_note_id");`);
    this.addSql(`create index "credit_note_line_order_line_id_index" on "credit_note_line" ("order_line_id");`);

    this.addSql(`alter type "history_subject" add value if not exists 'CREDIT_NOTE' after 'INVOICE';`);

    this.addSql(
      `alter table "customer_order" add "legal_commitment_number" varchar(255) null, add "buyer" jsonb null;`,
    );
    this.addSql(`alter table "customer_order" rename column "chorus_number" to "chorus_purchase_request_number";`);
    this.addSql(
      `alter table "customer_order" add constraint "customer_order_entity_id_legal_commitment_number_unique" unique ("entity_id", "legal_commitment_number");`,
    );

    this.addSql(`create sequence if not exists "credit_note_number_seq" start with 1;`);
    this.addSql(
      `alter table "invoice" add "entity_id" uuid null, add "brand_id" uuid null, add "status" "invoice_status" not null default 'SCHEDULED', add "due_date" date null, add "legal_commitment_number" varchar(255) null, add "paid_on" date null, add "paid_amount" numeric(14,2) null, add "cancellation_reason" text null, add "version" int not null default 1;`,
    );
    // Invoices scheduled before they had a lifecycle: those whose date has come were shown as
    // issued; orders of one line get that line (those of several are left without lines).
    this.addSql(
      `update "invoice" i set "entity_id" = o."entity_id", "brand_id" = o."brand_id" from "customer_order" o where o."id" = i."order_id";`,
    );
    this.addSql(`alter table "invoice" alter column "entity_id" set not null, alter column "brand_id" set not null;`);
    this.addSql(
      `update "invoice" set "status" = 'ISSUED', "due_date" = "issue_date" + 30 where "issue_date" <= (now() at time zone 'Europe/Paris')::date;`,
    );
    this.addSql(
      `insert into "invoice_line" ("id", "invoice_id", "order_line_id", "position", "designation", "amount_excl_vat", "vat_rate") select gen_random_uuid(), i."id", l."id", 0, l."designation", i."amount_excl_vat", l."vat_rate" from "invoice" i join "order_line" l on l."order_id" = i."order_id" where (select count(*) from "order_line" x where x."order_id" = i."order_id") = 1;`,
    );
    this.addSql(`create index "invoice_issue_date_id_index" on "invoice" ("issue_date", "id");`);
    this.addSql(`create index "invoice_brand_id_issue_date_id_index" on "invoice" ("brand_id", "issue_date", "id");`);
    this.addSql(`create index "invoice_entity_id_issue_date_id_index" on "invoice" ("entity_id", "issue_date", "id");`);

    this.addSql(`alter table "order_incident" add "number" varchar(255) null;`);

    this.addSql(`alter table "solicitation" add "buyer" jsonb null;`);

    this.addSql(
      `alter table "credit_note" add constraint "credit_note_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`,
    );
    this.addSql(
      `alter table "credit_note" add constraint "credit_note_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id");`,
    );

    this.addSql(
      `alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id");`,
    );
    this.addSql(
      `alter table "invoice_line" add constraint "invoice_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id");`,
    );

    this.addSql(
      `alter table "credit_note_line" add constraint "credit_note_line_credit_note_id_foreign" foreign key ("credit_note_id") references "credit_note" ("id");`,
    );
    this.addSql(
      `alter table "credit_note_line" add constraint "credit_note_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "credit_note_line" drop constraint "credit_note_line_credit_note_id_foreign";`);

    this.addSql(`drop table if exists "known_brand" cascade;`);
    this.addSql(`drop table if exists "known_market" cascade;`);
    this.addSql(`drop table if exists "credit_note" cascade;`);
    this.addSql(`drop table if exists "invoice_line" cascade;`);
    this.addSql(`drop table if exists "credit_note_line" cascade;`);

    this.addSql(
      `alter table "customer_order" drop constraint "customer_order_entity_id_legal_commitment_number_unique";`,
    );
    this.addSql(`alter table "customer_order" drop column "legal_commitment_number", drop column "buyer";`);
    this.addSql(`alter table "customer_order" rename column "chorus_purchase_request_number" to "chorus_number";`);

    this.addSql(`drop index "invoice_issue_date_id_index";`);
    this.addSql(`drop index "invoice_brand_id_issue_date_id_index";`);
    this.addSql(`drop index "invoice_entity_id_issue_date_id_index";`);
    this.addSql(
      `alter table "invoice" drop column "entity_id", drop column "brand_id", drop column "status", drop column "due_date", drop column "legal_commitment_number", drop column "paid_on", drop column "paid_amount", drop column "cancellation_reason", drop column "version";`,
    );

    this.addSql(`alter table "order_incident" drop column "number";`);

    this.addSql(`alter table "solicitation" drop column "buyer";`);

    this.addSql(`drop type "invoice_status";`);
    this.addSql(`drop sequence if exists "credit_note_number_seq";`);
  }
}
