import { Migration } from '@mikro-orm/migrations';

export class Migration20261126050544 extends Migration {
  override name = 'Migration20261126050544';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "event_inbox" ("id" uuid not null, "topic" varchar(255) not null, "source" varchar(255) not null, "received_at" timestamptz not null default now(), primary key ("id"));`,
    );

    this.addSql(
      `create table "event_outbox" ("id" uuid not null, "topic" varchar(255) not null, "payload" jsonb not null, "occurred_at" timestamptz not null default now(), "published_at" timestamptz null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "event_outbox_published_at_next_attempt_at_index" on "event_outbox" ("published_at", "next_attempt_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "event_inbox" cascade;`);
    this.addSql(`drop table if exists "event_outbox" cascade;`);
  }
}
