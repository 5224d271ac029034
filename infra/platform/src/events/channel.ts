import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Consumer, Topic, TopicsOf } from '@nuage/contracts';
import { PgBoss, type Job, type JobResult, type WorkOptions } from 'pg-boss';
import { BACKGROUND, sql } from '../db.js';
import type { Logger } from '../logger.js';
import type { AwaitedJob } from '../request-scope.js';
import { jobsDone, jobsIn, laggingQueues } from './engine-queries.js';
import type { KeyRing } from '../signing.js';
import { type DeliveredEvent, type Effect, type EffectPayloads, outboxWrites, signedPartOf } from './outbox.js';
import {
  deadLettersQueue,
  dedicatedEffectQueue,
  effectsQueue,
  ensureQueues,
  eventsQueue,
  type DeliveryPolicy,
} from './queues.js';
import { type EffectJob, OutboxRelay } from './relay.js';

/** Applies one event inside the consumer's transaction (`em`), with the subgraph's services. */
export type EventHandler<T extends Topic, Services extends object = object> = (
  em: EntityManager,
  event: DeliveredEvent<T>,
  services: Services,
) => Promise<void>;

/** A consumer's handlers: one for each topic it subscribes to, and none other. */
export type ConsumerHandlers<C extends Consumer, Services extends object = object> = {
  [T in TopicsOf<C>]: EventHandler<T, Services>;
};

/** Any subgraph's handlers, as the channel looks them up by topic. */
export type TopicHandlers<Services extends object> = { [T in Topic]?: EventHandler<T, Services> };

/** Carries out one side effect after its transaction committed; `key` is its idempotency key. */
export type EffectHandler<E extends Effect, Services extends object = object> = (
  payload: EffectPayloads[E],
  context: {
    key: string;
    services: Services;
    /** Which attempt this is (1 for the first), and whether a failure now is the last (no retry follows). */
    attempt: { number: number; last: boolean };
  },
) => Promise<void>;

export type EffectHandlers<Services extends object = object> = { [E in Effect]?: EffectHandler<E, Services> };

export interface EventChannelOptions<Services extends object> {
  /** The subgraph's name: its queues are `<name>.events`, `<name>.effects`, `<name>.dead-letters`. */
  name: string;
  orm: MikroORM;
  /** The events database, where the engine keeps its queues. */
  eventsDatabaseUrl: string;
  consumes?: TopicHandlers<Services>;
  effects?: EffectHandlers<Services>;
  services: Services;
  delivery: DeliveryPolicy;
  /** Effects retried by a policy of their own (webhooks, for days), each on its own queue. */
  effectQueues?: Partial<Record<Effect, DeliveryPolicy>>;
  /** Signs the events it relays and verifies those it applies (every subgraph holds the same keys). */
  signing: KeyRing;
  logger: Logger;
}

/**
 * Jobs a worker fetches at a time, and how many of them it applies side by side (each in its own
 * transaction). A fetch from a per-file ordered queue costs about the same for 1 job or 50 (the
 * engine looks at every file's first job), so it fetches many and applies a few at a time.
 */
const WORK_BATCH = 50;
const WORK_CONCURRENCY = 4;
/** How often the relay looks at the outbox when nothing wakes it (a crash left rows, the engine was down). */
const RELAY_EVERY_MS = 1_000;
/** Inbox rows are kept this long (far beyond any redelivery), then deleted. */
const INBOX_KEPT_DAYS = 30;

/**
 * A subgraph's side of the event channel (see the README, "Events between subgraphs"), on pg-boss:
 * its relay moves what committed transactions wrote in the outbox to the engine's queues; its
 * workers apply the events of the topics it consumes (once, through the inbox) and carry out its
 * side effects; what fails every attempt becomes a dead letter.
 */
export class EventChannel<Services extends object = object> {
  readonly boss: PgBoss;
  private readonly relayer: OutboxRelay;
  private timer: NodeJS.Timeout | undefined;
  private lagging: { queues: Promise<Set<string>>; at: number } | undefined;
  /** For `/metrics`. */
  readonly counters = { eventsRelayed: 0, eventsApplied: 0, eventsDuplicated: 0, effectsDone: 0, deadLetters: 0 };

  constructor(private readonly options: EventChannelOptions<Services>) {
    this.boss = new PgBoss({
      connectionString: options.eventsDatabaseUrl,
      application_name: `nuage-${options.name}`,
      max: 4,
      // Workers are woken by NOTIFY as soon as a job is sent, instead of at their next poll.
      useListenNotify: true,
      monitorIntervalSeconds: 10,
    });
    // The engine reports connection losses as errors and reconnects by itself: logged, not fatal.
    this.boss.on('error', (error) => options.logger.warn({ err: error }, 'event engine error'));
    this.relayer = new OutboxRelay(options.name, options.orm, this.boss, options.logger, options.signing, (effect) =>
      this.queueOf(effect),
    );
  }

  /** The queue an effect goes to: its own when it has a policy of its own, the subgraph's effects queue otherwise. */
  private queueOf(effect: string): string {
    const { name, effectQueues = {} } = this.options;
    return effect in effectQueues ? dedicatedEffectQueue(name, effect) : effectsQueue(name);
  }

  private get orm() {
    return this.options.orm;
  }

  /** Moves what committed transactions wrote in the outbox to the engine now (see {@link OutboxRelay}). */
  async relay(): Promise<void> {
    await this.relayer.run();
    this.counters.eventsRelayed = this.relayer.relayed;
  }

  async start(): Promise<void> {
    const { name, effects = {} } = this.options;
    await this.boss.start({ attempts: 10 });
    const dedicated = (this.options.effectQueues ?? {}) as Record<string, DeliveryPolicy>;
    await ensureQueues(this.boss, name, this.options.delivery, dedicated);
    await this.resumeConsuming();
    if (Object.keys(effects).length)
      await this.work<EffectJob>(effectsQueue(name), (job, { retryCount }) =>
        this.carryOut(job, retryCount, this.options.delivery),
      );
    for (const [effect, policy] of Object.entries(dedicated))
      await this.work<EffectJob>(dedicatedEffectQueue(name, effect), (job, { retryCount }) =>
        this.carryOut(job, retryCount, policy),
      );
    this.timer = setInterval(() => {
      void this.relay();
      void this.countDeadLetters();
    }, RELAY_EVERY_MS);
    this.timer.unref();
    await this.relay();
  }

  /** Starts applying the events of its queue (at start; again after `pauseConsuming`). */
  async resumeConsuming(): Promise<void> {
    if (!Object.keys(this.options.consumes ?? {}).length) return;
    await this.work<DeliveredEvent>(eventsQueue(this.options.name), (event) => this.applyVerified(event));
  }

  /**
   * Works a queue: a few jobs at a time, side by side (an events queue hands out one job per file
   * at a time), each completed or failed on its own; after a batch, the worker fetches again at
   * once, since a file's next event may be waiting. Idle, it wakes on NOTIFY, or polls every second.
   */
  private async work<T extends object>(queue: string, handle: (data: T, job: Job<T>) => Promise<void>): Promise<void> {
    const workerId: string = await this.boss.work<T, unknown, WorkOptions & { perJobResults: true }>(
      queue,
      { batchSize: WORK_BATCH, perJobResults: true, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
      async (jobs: Job<T>[]): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        const next = jobs.values();
        const lane = async () => {
          for (const job of next) {
            try {
              await handle(job.data, job);
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              const { message, stack } = error as Error;
              this.options.logger.warn({ err: error, queue, job: job.id, attempt: job.retryCount + 1 }, 'job failed');
              results.push({ id: job.id, status: 'failed', output: { message, stack } });
            }
          }
        };
        await Promise.all(Array.from({ length: WORK_CONCURRENCY }, lane));
        this.boss.notifyWorker(workerId);
        return results;
      },
    );
  }

  /** Stops applying events, as if the subgraph were down (they wait in its queue): for tests and operators. */
  async pauseConsuming(): Promise<void> {
    await this.boss.offWork(eventsQueue(this.options.name), { wait: true });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.relayer.stop();
    // Workers finish the job in hand; what was not started waits in its queue for the next start.
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /**
   * Applies an event received from the engine if a subgraph signed it: one written in the queues by
   * anyone else (or signed with a retired key) fails, and ends as a dead letter an operator sees.
   */
  private async applyVerified(event: DeliveredEvent): Promise<void> {
    if (!event.signature || !this.options.signing.verify(signedPartOf(event), event.signature))
      throw new Error(`The event ${event.id} (${event.topic} from ${event.source}) is not signed with a current key.`);
    return this.apply(event);
  }

  /** Events waiting in this subgraph's queue, to apply or to retry (for `/metrics`). */
  queueDepth(): Promise<number> {
    return jobsIn(this.boss, [eventsQueue(this.options.name)], ['created', 'retry']);
  }

  /**
   * Applies an event once: its id goes in the inbox in the same transaction as the handler's
   * writes, so a redelivery finds it there and changes nothing.
   */
  async apply(event: DeliveredEvent): Promise<void> {
    const handler = this.options.consumes?.[event.topic] as EventHandler<Topic, Services> | undefined;
    if (!handler) throw new Error(`${this.options.name} does not consume ${event.topic}.`);
    let applied = false;
    const written = outboxWrites.count;
    await this.orm.em.fork({ loggerContext: BACKGROUND }).transactional(
      async (em) => {
        const inserted = await sql<{ id: string }[]>(
          em,
          'insert into event_inbox (id, topic, source) values (?, ?, ?) on conflict (id) do nothing returning id',
          [event.id, event.topic, event.source],
        );
        if (inserted.length === 0) return;
        await handler(em, event, this.options.services);
        applied = true;
      },
      { loggerContext: BACKGROUND },
    );
    if (applied) this.counters.eventsApplied += 1;
    else this.counters.eventsDuplicated += 1;
    this.options.logger.debug({ event: event.id, topic: event.topic, from: event.source, applied }, 'event received');
    // What the handler published leaves now rather than at the next round.
    if (outboxWrites.count !== written) void this.relay();
  }

  private async carryOut(job: EffectJob, retryCount: number, policy: DeliveryPolicy): Promise<void> {
    const handler = this.options.effects?.[job.effect] as EffectHandler<Effect, Services> | undefined;
    if (!handler) throw new Error(`${this.options.name} has no handler for the effect ${job.effect}.`);
    await handler(job.payload as EffectPayloads[Effect], {
      key: job.key,
      services: this.options.services,
      attempt: { number: retryCount + 1, last: retryCount >= policy.retryLimit },
    });
    this.counters.effectsDone += 1;
  }

  /**
   * Read-your-writes: relays now and waits, at most `withinMs`, until these jobs (a request's events
   * to each consumer, its effects) are done or given up. Resolves whether they all were in time.
   */
  async waitApplied(awaited: AwaitedJob[], withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    await Promise.race([this.relay(), new Promise((resolve) => setTimeout(resolve, withinMs).unref())]);
    // A consumer that is down (behind) is not waited for: the caller would only lose time.
    const lagging = await this.laggingQueues();
    const jobs = awaited.filter((job) => !job.consumerQueue || !lagging.has(job.consumerQueue)).map((job) => job.id);
    if (!jobs.length) return true;
    while (Date.now() < deadline) {
      if ((await jobsDone(this.boss, jobs)) === jobs.length) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  }

  /** The lagging queues (see {@link laggingQueues}), read at most once a second. */
  private laggingQueues(): Promise<Set<string>> {
    if (!this.lagging || Date.now() - this.lagging.at > 1_000) {
      const queues = laggingQueues(this.boss);
      this.lagging = { queues, at: Date.now() };
      queues.catch(() => (this.lagging = undefined));
    }
    return this.lagging.queues;
  }

  /** Events and effects not yet done: still in the outbox, or waiting or running in this subgraph's queues. */
  async inFlight(): Promise<number> {
    const [outbox] = await sql<{ n: number }[]>(
      this.orm.em.fork({ loggerContext: BACKGROUND }),
      'select count(*)::int as n from event_outbox where relayed_at is null',
    );
    const { name } = this.options;
    return (
      outbox!.n + (await jobsIn(this.boss, [eventsQueue(name), effectsQueue(name)], ['created', 'retry', 'active']))
    );
  }

  private async countDeadLetters(): Promise<void> {
    try {
      this.counters.deadLetters = await jobsIn(this.boss, [deadLettersQueue(this.options.name)], ['created']);
    } catch {
      // Counted again at the next round.
    }
  }

  /** Deletes what no redelivery can need any more (run with the subgraph's housekeeping). */
  async forgetOld(): Promise<void> {
    await this.relayer.forgetOld();
    const em = this.orm.em.fork({ loggerContext: BACKGROUND });
    await sql(em, `delete from event_inbox where received_at < now() - interval '${INBOX_KEPT_DAYS} days'`, [], 'run');
  }
}
