import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Logger } from './logger';
import { BACKGROUND } from './db';
import { readBodyUpTo, type Route } from './http';

/**
 * The event channel between subgraphs (see the README, "Events between subgraphs"): a subgraph that must tell
 * others about a change writes the event in its own transaction (the outbox), a dispatcher pushes
 * it to every peer over HTTP until each has acknowledged it (at least once), and a consumer applies
 * it at most once, recording its id in the inbox in the same transaction as its effect.
 */

/** An event waiting in the producer's database until every peer has acknowledged it. */
@Entity({ tableName: 'event_outbox' })
@Index({ properties: ['publishedAt', 'nextAttemptAt'] })
export class OutboxEvent {
  [OptionalProps]?: 'id' | 'occurredAt' | 'publishedAt' | 'attempts' | 'nextAttemptAt' | 'lastError';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string' })
  topic!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}

/** An event a consumer has applied: its id makes a redelivery a no-op. */
@Entity({ tableName: 'event_inbox' })
export class InboxEvent {
  [OptionalProps]?: 'receivedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string' })
  topic!: string;

  @Property({ type: 'string' })
  source!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  receivedAt: Date = new Date();
}

/** The tables of the channel, for every subgraph's ORM. */
export const EVENT_ENTITIES = [OutboxEvent, InboxEvent];

export interface DeliveredEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  source: string;
  occurredAt: string;
  payload: P;
}

/**
 * Applies one event inside the consumer's transaction (`em`), with the subgraph's services (its
 * mailer, its file store…); must tolerate any delivery order.
 */
export type EventHandler<Services extends object = object> = (
  em: EntityManager,
  // biome-ignore lint/suspicious/noExplicitAny: each handler types its own payload, and a parameter type does not widen to unknown
  event: DeliveredEvent<any>,
  services: Services,
) => Promise<void>;

/** Writes an event in the current unit of work: it is sent only if the transaction commits. */
export function publish(em: EntityManager, topic: string, payload: Record<string, unknown>): OutboxEvent {
  const event = em.create(OutboxEvent, { topic, payload });
  em.persist(event);
  return event;
}

/** Events carry an HMAC of their body, with the secret the subgraphs share. */
export const EVENT_SIGNATURE_HEADER = 'x-nuage-event-signature';
export const signEvent = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64url');

/** A peer that receives the events of this subgraph. */
export interface EventPeer {
  name: string;
  /** Base URL of the peer (its `/events` route is used). */
  url: string;
}

/**
 * Peers from `EVENT_PEERS` ("requests=http://127.0.0.1:4002,ordering=http://…"), as the stack
 * runner sets it for each subgraph.
 */
export function peersFromEnv(value: string | undefined, self: string): EventPeer[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name = '', url = ''] = entry.split('=');
      return { name, url };
    })
    .filter((peer) => peer.name !== self && peer.url !== '');
}

const RETRY_DELAYS_MS = [500, 2_000, 5_000, 15_000, 60_000];

/**
 * Pushes the outbox to the peers: at once after each mutation (so a caller's next request usually
 * sees the effect everywhere), and every second for what failed, with growing delays. Rows are
 * claimed with SKIP LOCKED, so several instances of a subgraph never send an event concurrently.
 */
export class EventDispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly source: string,
    private readonly peers: () => EventPeer[],
    private readonly secret: string,
    private readonly logger: Logger,
  ) {}

  start(intervalMs = 1_000): void {
    this.timer = setInterval(
      () => void this.flush().catch((error) => this.logger.error({ err: error }, 'event delivery failed')),
      intervalMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Delivers whatever is due now; concurrent calls share one pass (and ask for another). */
  async flush(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.deliverBatch()) > 0);
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Sends up to 50 due events in order; returns how many were delivered to every peer. */
  private async deliverBatch(): Promise<number> {
    const em = this.orm.em.fork({ loggerContext: BACKGROUND });
    let delivered = 0;
    await em.transactional(
      async (tx) => {
        const events = await tx
          .getConnection()
          .execute<
            { id: string; topic: string; payload: Record<string, unknown>; occurred_at: Date; attempts: number }[]
          >(
            `select id, topic, payload, occurred_at, attempts from event_outbox
          where published_at is null and next_attempt_at <= now()
          order by occurred_at, id limit 50 for update skip locked`,
            [],
            'all',
            tx.getTransactionContext(),
            BACKGROUND,
          );
        for (const row of events) {
          const event: DeliveredEvent = {
            id: row.id,
            topic: row.topic,
            source: this.source,
            occurredAt: new Date(row.occurred_at).toISOString(),
            payload: row.payload,
          };
          const failure = await this.send(event);
          if (failure === null) {
            delivered += 1;
            await tx
              .getConnection()
              .execute(
                'update event_outbox set published_at = now(), attempts = attempts + 1, last_error = null where id = ?',
                [row.id],
                'run',
                tx.getTransactionContext(),
                BACKGROUND,
              );
          } else {
            const delay = RETRY_DELAYS_MS[Math.min(row.attempts, RETRY_DELAYS_MS.length - 1)]!;
            await tx
              .getConnection()
              .execute(
                `update event_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = now() + (? || ' milliseconds')::interval where id = ?`,
                [failure, String(delay), row.id],
                'run',
                tx.getTransactionContext(),
                BACKGROUND,
              );
            this.logger.warn({ event: event.id, topic: event.topic, failure }, 'event not delivered; will retry');
            // Keep the order: what follows waits until this one goes through.
            break;
          }
        }
      },
      { loggerContext: BACKGROUND },
    );
    return delivered;
  }

  /** Posts one event to every peer; null when all acknowledged it, else why not. */
  private async send(event: DeliveredEvent): Promise<string | null> {
    const body = JSON.stringify(event);
    const answers = await Promise.all(
      this.peers().map(async (peer) => {
        try {
          const response = await fetch(new URL('/events', peer.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json', [EVENT_SIGNATURE_HEADER]: signEvent(body, this.secret) },
            body,
            signal: AbortSignal.timeout(5_000),
          });
          return response.ok ? null : `${peer.name} answered ${response.status}`;
        } catch (error) {
          return `${peer.name}: ${(error as Error).message}`;
        }
      }),
    );
    const failures = answers.filter((a): a is string => a !== null);
    return failures.length ? failures.join('; ') : null;
  }
}

/** An event is a few kilobytes: a body beyond this is not one of ours. */
const MAX_EVENT_BYTES = 1024 * 1024;
/** An HMAC-SHA256 in base64url, as signEvent writes it. */
const SIGNATURE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * The consumer side: `POST /events` from a peer's dispatcher. An event whose signature does not
 * match is refused; one already applied, or of a topic this subgraph does not follow, is
 * acknowledged without effect; otherwise its handler runs in one transaction with the inbox row.
 */
export function eventsRoute<Services extends object>(
  orm: MikroORM,
  handlers: Record<string, EventHandler<Services>>,
  secret: string,
  logger: Logger,
  services: Services,
): Route {
  return async (req, res, url) => {
    if (url.pathname !== '/events' || req.method !== 'POST') return false;
    // Refused before reading a byte of the body when it cannot be a signed event of ours.
    const signature = String(req.headers[EVENT_SIGNATURE_HEADER] ?? '');
    const received = SIGNATURE_FORMAT.test(signature) ? await readBodyUpTo(req, MAX_EVENT_BYTES) : undefined;
    if (!received) {
      res.writeHead(received === null ? 413 : 401, { connection: 'close' }).end();
      return true;
    }
    const body = received.toString('utf8');
    const given = Buffer.from(signature);
    const expected = Buffer.from(signEvent(body, secret));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return true;
    }
    const event = JSON.parse(body) as DeliveredEvent;
    const handler = handlers[event.topic];
    if (handler) {
      await orm.em.fork({ loggerContext: BACKGROUND }).transactional(
        async (em) => {
          const inserted = await em
            .getConnection()
            .execute<{ id: string }[]>(
              'insert into event_inbox (id, topic, source) values (?, ?, ?) on conflict (id) do nothing returning id',
              [event.id, event.topic, event.source],
              'all',
              em.getTransactionContext(),
              BACKGROUND,
            );
          if (inserted.length === 0) return; // applied before: this is a redelivery
          await handler(em, event, services);
        },
        { loggerContext: BACKGROUND },
      );
      logger.debug({ event: event.id, topic: event.topic, from: event.source }, 'event applied');
    }
    res.writeHead(204).end();
    return true;
  };
}
