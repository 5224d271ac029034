import { Migration } from '@mikro-orm/migrations';

export class Migration20261203114855 extends Migration {
  override name = 'Migration20261203114855';

  override up(): void | Promise<void> {
    this.addSql(`create type "webhook_owner" as enum ('BRAND', 'ENTITY', 'MARKET');`);
    this.addSql(
      `create type "webhook_delivery_status" as enum ('PENDING', 'SUCCEEDED', 'RETRYING', 'FAILED', 'SKIPPED');`,
    );
    this.addSql(
      `create table "feed_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "type" varchar(255) not null, "entity_id" uuid null, "brand_ids" text[] not null default '{}', "subject_type" varchar(255) null, "subject_id" uuid null, "reference" varchar(255) null, "file_id" uuid null, "order_id" uuid null, "from_status" varchar(255) null, "to_status" varchar(255) null, "actor_role" varchar(255) not null, "summary_fr" text not null, "summary_en" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "feed_event_brand_ids" on "feed_event" using gin ("brand_ids");`);
    this.addSql(`create index "feed_event_entity_id_created_at_index" on "feed_event" ("entity_id", "created_at");`);
    this.addSql(`create index "feed_event_created_at_id_index" on "feed_event" ("created_at", "id");`);

    this.addSql(
      `create table "webhook_endpoint" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "owner_type" "webhook_owner" not null, "owner_id" uuid null, "url" text not null, "description" text null, "event_types" text[] not null, "secret" text not null, "previous_secret" text null, "previous_secret_expires_at" timestamptz null, "enabled" boolean not null default true, "consecutive_failures" int not null default 0, "disabled_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_endpoint_owner_type_owner_id_index" on "webhook_endpoint" ("owner_type", "owner_id");`,
    );
    this.addSql(
      `create unique index "webhook_endpoint_owner_url" on "webhook_endpoint" ("owner_type", coalesce("owner_id", '00000000-0000-0000-0000-000000000000'), "url");`,
    );

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "endpoint_id" uuid not null, "event_id" uuid not null, "status" "webhook_delivery_status" not null default 'PENDING', "attempts" int not null default 0, "last_response_code" int null, "last_latency_ms" int null, "last_error" text null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_endpoint_id_created_at_index" on "webhook_delivery" ("endpoint_id", "created_at");`,
    );
    this.addSql(`create index "webhook_delivery_event_id_index" on "webhook_delivery" ("event_id");`);

    this.addSql(
      `alter type "notification_kind" add value if not exists 'REQUEST_TO_ANSWER' after 'CONSUMPTION_ALERT';`,
    );
    this.addSql(`alter type "notification_kind" add value if not exists 'REQUEST_UPDATED' after 'REQUEST_TO_ANSWER';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'REQUEST_CANCELLED' after 'REQUEST_UPDATED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'MESSAGE_RECEIVED' after 'REQUEST_CANCELLED';`);
    this.addSql(
      `alter type "notification_kind" add value if not exists 'RESPONSE_DEADLINE_EXTENDED' after 'MESSAGE_RECEIVED';`,
    );
    this.addSql(
      `alter type "notification_kind" add value if not exists 'RESPONSE_DEADLINE_NEAR' after 'RESPONSE_DEADLINE_EXTENDED';`,
    );
    this.addSql(
      `alter type "notification_kind" add value if not exists 'SOLICITATION_DECLINED' after 'RESPONSE_DEADLINE_NEAR';`,
    );
    this.addSql(
      `alter type "notification_kind" add value if not exists 'PROPOSALS_OPENED' after 'SOLICITATION_DECLINED';`,
    );
    this.addSql(`alter type "notification_kind" add value if not exists 'PROPOSAL_ACCEPTED' after 'PROPOSALS_OPENED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'PROPOSAL_REFUSED' after 'PROPOSAL_ACCEPTED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'PROPOSAL_CLOSED' after 'PROPOSAL_REFUSED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'ORDER_TO_VALIDATE' after 'PROPOSAL_CLOSED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'DELAY_REQUESTED' after 'ORDER_TO_VALIDATE';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'DELIVERY_RECORDED' after 'DELAY_REQUESTED';`);
    this.addSql(
      `alter type "notification_kind" add value if not exists 'ACTIVATION_VALIDATED' after 'DELIVERY_RECORDED';`,
    );
    this.addSql(
      `alter type "notification_kind" add value if not exists 'ACTIVATION_DISPUTED' after 'ACTIVATION_VALIDATED';`,
    );
    this.addSql(
      `alter type "notification_kind" add value if not exists 'INCIDENT_OPENED' after 'ACTIVATION_DISPUTED';`,
    );
    this.addSql(`alter type "notification_kind" add value if not exists 'INCIDENT_RESOLVED' after 'INCIDENT_OPENED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'INVOICE_ISSUED' after 'INCIDENT_RESOLVED';`);
    this.addSql(`alter type "notification_kind" add value if not exists 'INVOICE_SUSPENDED' after 'INVOICE_ISSUED';`);
    this.addSql(
      `alter type "notification_kind" add value if not exists 'WEBHOOK_ENDPOINT_DISABLED' after 'INVOICE_SUSPENDED';`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "feed_event" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "feed_event" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop type "webhook_owner";`);
    this.addSql(`drop type "webhook_delivery_status";`);
  }
}
