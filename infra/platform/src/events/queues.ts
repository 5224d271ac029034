import { SUBSCRIPTIONS, type Consumer } from '@nuage/contracts';
import type { PgBoss, Queue } from 'pg-boss';
import { stableId } from '../db.js';

/**
 * The queues of the event engine (pg-boss, in the events database). Each subgraph has three: its
 * events (one copy of each event of the topics it consumes), its side effects (emails…), and its
 * dead letters (what failed every attempt, parked for an operator).
 */
export const eventsQueue = (subgraph: string) => `${subgraph}.events`;
export const effectsQueue = (subgraph: string) => `${subgraph}.effects`;
/** An effect with a delivery policy of its own (webhooks retry for days) has a queue of its own. */
export const dedicatedEffectQueue = (subgraph: string, effect: string) => `${subgraph}.effects.${effect}`;
export const deadLettersQueue = (subgraph: string) => `${subgraph}.dead-letters`;

/** Every subgraph that has queues: those that consume events, and any other that has side effects. */
export const queueOwners = (self: string): string[] => [...new Set([...Object.keys(SUBSCRIPTIONS), self])];

/** How a queue retries what fails: attempts, then exponential backoff from `retryDelaySeconds` up to `retryDelayMaxSeconds`. */
export interface DeliveryPolicy {
  /** Retries after the first attempt; then the job is a dead letter. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
}

export const DEFAULT_DELIVERY: DeliveryPolicy = { retryLimit: 5, retryDelaySeconds: 1, retryDelayMaxSeconds: 300 };

/**
 * Kept this long once done: a duplicate sent meanwhile (a relay that crashed after sending) is
 * refused by its id. A job failed for good is kept as long, holding its file back until replayed.
 */
const COMPLETED_KEPT_SECONDS = 14 * 24 * 3600;
/** A job not yet done is kept this long (a consumer down for weeks still gets its events). */
const WAITING_KEPT_SECONDS = 60 * 24 * 3600;
/** A dead letter stays parked this long. */
const DEAD_LETTER_KEPT_SECONDS = 90 * 24 * 3600;

const retries = (policy: DeliveryPolicy) => ({
  retryLimit: policy.retryLimit,
  retryDelay: policy.retryDelaySeconds,
  retryBackoff: true,
  retryDelayMax: policy.retryDelayMaxSeconds,
});

/**
 * Creates the queues this subgraph sends to or works on, if missing: every consumer's events queue
 * (a producer may run before its consumers first start) and its own effects queue. Events queues
 * keep a strict order per file (`key_strict_fifo`: a file's next event waits while one is being
 * applied, retried or dead). Its own queues take its delivery policy.
 */
export async function ensureQueues(
  boss: PgBoss,
  self: string,
  policy: DeliveryPolicy,
  dedicated: Readonly<Record<string, DeliveryPolicy>> = {},
): Promise<void> {
  const create = async (name: string, options: Omit<Queue, 'name'>) => {
    await boss.createQueue(name, options);
    // Created by another subgraph first (or by an older version), it had those settings: its own win.
    const { retryLimit, retryDelay, retryBackoff, deleteAfterSeconds, retentionSeconds } = options;
    const settings = { retryLimit, retryDelay, retryBackoff, deleteAfterSeconds, retentionSeconds };
    if (name.startsWith(`${self}.`))
      await boss.updateQueue(name, Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)));
  };
  for (const owner of queueOwners(self)) {
    await create(deadLettersQueue(owner), { retentionSeconds: DEAD_LETTER_KEPT_SECONDS });
    await create(eventsQueue(owner), {
      policy: 'key_strict_fifo',
      notify: true,
      deadLetter: deadLettersQueue(owner),
      deleteAfterSeconds: COMPLETED_KEPT_SECONDS,
      retentionSeconds: WAITING_KEPT_SECONDS,
      ...retries(policy),
    });
  }
  const effects = (name: string, policy: DeliveryPolicy) =>
    create(name, {
      notify: true,
      deadLetter: deadLettersQueue(self),
      // An effect's data may hold what should not linger (an invitation's link): gone a day after it is done.
      deleteAfterSeconds: 24 * 3600,
      retentionSeconds: WAITING_KEPT_SECONDS,
      ...retries(policy),
    });
  await effects(effectsQueue(self), policy);
  for (const [effect, own] of Object.entries(dedicated)) await effects(dedicatedEffectQueue(self, effect), own);
}

/** The job that carries one event to one consumer: derived from both, so sending it twice makes one job. */
export const eventJobId = (eventId: string, consumer: Consumer | string) =>
  stableId('event-job', `${consumer}:${eventId}`);
/** The job of one side effect: derived from the effect and its idempotency key. */
export const effectJobId = (effect: string, key: string) => stableId('effect-job', `${effect}:${key}`);
