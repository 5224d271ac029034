import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox as the engine's relay reads it (written once, run by each subgraph's migration): the
 * HTTP delivery's attempts and retry times go (the engine retries now), a sequence gives the
 * relay its order, and each row says whether it is an event or an effect and its file or key.
 */
export abstract class OutboxForEngine extends Migration {
  override up(): void {
    this.addSql(`drop index if exists "event_outbox_published_at_next_attempt_at_index";`);
    this.addSql(
      `alter table "event_outbox" drop column "attempts", drop column "next_attempt_at", drop column "last_error";`,
    );
    this.addSql(`alter table "event_outbox" rename column "published_at" to "relayed_at";`);
    this.addSql(
      `alter table "event_outbox" add column "seq" bigserial, add column "kind" varchar(255) not null default 'EVENT', add column "key" varchar(255) null;`,
    );
    // Rows written before: each its own file (their order was kept by the old dispatcher).
    this.addSql(`update "event_outbox" set "key" = "topic" || '/' || "id" where "key" is null;`);
    this.addSql(`alter table "event_outbox" alter column "key" set not null;`);
    this.addSql(`create index "event_outbox_to_relay" on "event_outbox" ("seq") where "relayed_at" is null;`);
  }

  override down(): void {
    this.addSql(`drop index "event_outbox_to_relay";`);
    this.addSql(`alter table "event_outbox" drop column "seq", drop column "kind", drop column "key";`);
    this.addSql(`alter table "event_outbox" rename column "relayed_at" to "published_at";`);
    this.addSql(
      `alter table "event_outbox" add column "attempts" int not null default 0, add column "next_attempt_at" timestamptz not null default now(), add column "last_error" text null;`,
    );
    this.addSql(
      `create index "event_outbox_published_at_next_attempt_at_index" on "event_outbox" ("published_at", "next_attempt_at");`,
    );
  }
}
