import type { MikroORM } from '@mikro-orm/postgresql';
import { consumersOf, type EventPayloads, type Topic } from '@nuage/contracts';
import type { JobInsert, PgBoss } from 'pg-boss';
import { BACKGROUND, sql } from '../db.js';
import type { Logger } from '../logger.js';
import type { KeyRing } from '../signing.js';
import { signedEvent, type DeliveredEvent, type Effect, type OutboxKind } from './outbox.js';
import { effectJobId, effectsQueue, eventJobId, eventsQueue } from './queues.js';

/** What a job of an effects queue carries. */
export interface EffectJob {
  effect: Effect;
  key: string;
  payload: object;
}

interface OutboxRow {
  id: string;
  kind: OutboxKind;
  topic: string;
  key: string;
  payload: object;
  occurred_at: Date;
}

/** Events and effects each relay pass takes at most. */
const RELAY_BATCH = 200;
/** The relay's lock, in the subgraph's own database: one relay at a time across its replicas keeps the order. */
const RELAY_LOCK = 'select pg_advisory_xact_lock(74290117)';
/** Relayed outbox rows are kept this long, then deleted. */
const OUTBOX_KEPT_DAYS = 7;

/**
 * Moves what committed transactions wrote in a subgraph's outbox to the engine's queues: an event
 * to the queue of each of its topic's consumers, an effect to the subgraph's own effects queue.
 * A crash after sending and before marking sends again: the jobs' ids are derived from what they
 * carry, so the engine keeps one.
 */
export class OutboxRelay {
  private relaying: Promise<void> | null = null;
  private relayAgain = false;
  private stopped = false;
  relayed = 0;

  constructor(
    private readonly name: string,
    private readonly orm: MikroORM,
    private readonly boss: PgBoss,
    private readonly logger: Logger,
    private readonly signing: KeyRing,
    /** The queue an effect goes to (its subgraph's effects queue, or one of its own). */
    private readonly effectQueue: (effect: string) => string = () => effectsQueue(name),
  ) {}

  /** Moves what committed transactions wrote in the outbox to the engine; concurrent calls share one pass. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.relaying !== null) {
      this.relayAgain = true;
      return this.relaying;
    }
    this.relaying = (async () => {
      try {
        do {
          this.relayAgain = false;
          while ((await this.relayBatch()) === RELAY_BATCH);
        } while (this.relayAgain);
      } catch (error) {
        // The engine or the database is unreachable: the rows stay in the outbox for the next round.
        this.logger.warn({ err: error }, 'events not relayed yet; retried in a second');
      } finally {
        this.relaying = null;
      }
    })();
    return this.relaying;
  }

  private async relayBatch(): Promise<number> {
    return this.orm.em.fork({ loggerContext: BACKGROUND }).transactional(
      async (em) => {
        await sql(em, RELAY_LOCK);
        const rows = await sql<OutboxRow[]>(
          em,
          `select id, kind, topic, key, payload, occurred_at from event_outbox
           where relayed_at is null order by seq limit ${RELAY_BATCH}`,
        );
        if (!rows.length) return 0;
        for (const [queue, rounds] of this.jobsByQueue(rows))
          for (const jobs of rounds) await this.boss.insert(queue, jobs);
        await sql(em, 'update event_outbox set relayed_at = now() where id in (?)', [rows.map((r) => r.id)], 'run');
        this.relayed += rows.length;
        return rows.length;
      },
      { loggerContext: BACKGROUND },
    );
  }

  /**
   * The jobs of a batch, by queue, in rounds where a file appears at most once: the engine orders a
   * file's jobs by creation time, which is the same for every job of one insert.
   */
  private jobsByQueue(rows: OutboxRow[]): Map<string, JobInsert[][]> {
    const byQueue = new Map<string, JobInsert[][]>();
    const fileOf = new Map<JobInsert, string>();
    const add = (queue: string, job: JobInsert, file: string) => {
      const rounds = byQueue.get(queue) ?? [];
      byQueue.set(queue, rounds);
      const round = rounds.find((jobs) => !jobs.some((j) => fileOf.get(j) === file));
      fileOf.set(job, file);
      if (round) round.push(job);
      else rounds.push([job]);
    };
    const { name } = this;
    for (const row of rows) {
      if (row.kind === 'EFFECT') {
        const data: EffectJob = { effect: row.topic as Effect, key: row.key, payload: row.payload };
        add(this.effectQueue(row.topic), { id: effectJobId(row.topic, row.key), data }, row.key);
        continue;
      }
      const topic = row.topic as Topic;
      const event = signedEvent(
        {
          id: row.id,
          topic,
          source: name,
          occurredAt: new Date(row.occurred_at).toISOString(),
          payload: row.payload as EventPayloads[Topic],
        } as DeliveredEvent,
        this.signing,
      );
      for (const consumer of consumersOf(topic))
        add(eventsQueue(consumer), { id: eventJobId(row.id, consumer), singletonKey: row.key, data: event }, row.key);
    }
    return byQueue;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.relaying;
  }

  /** Deletes relayed rows no relay will look at again. */
  async forgetOld(): Promise<void> {
    await sql(
      this.orm.em.fork({ loggerContext: BACKGROUND }),
      `delete from event_outbox where relayed_at < now() - interval '${OUTBOX_KEPT_DAYS} days'`,
      [],
      'run',
    );
  }
}
