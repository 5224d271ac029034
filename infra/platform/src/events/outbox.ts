import { canonicalJson, type KeyRing } from '../signing.js';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { consumersOf, FILE_OF, type EventPayloads, type Topic } from '@nuage/contracts';
import { currentRequest } from '../request-scope.js';
import { effectJobId, eventJobId, eventsQueue } from './queues.js';

/**
 * The side effects a subgraph may ask for after its transaction commits (an email…), by name, with
 * what each carries. A feature adds its own by declaration merging (`@nuage/mail` adds `mail`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the features, by declaration merging
export interface EffectPayloads {}
export type Effect = keyof EffectPayloads;

/** What a row of the outbox is: an event for the subgraphs that consume its topic, or a side effect for this one. */
export type OutboxKind = 'EVENT' | 'EFFECT';

/**
 * An event or a side effect, written in the producer's transaction: it exists if and only if that
 * transaction commits. The relay hands it to the event engine afterwards, in `seq` order.
 */
@Entity({ tableName: 'event_outbox' })
@Index({
  name: 'event_outbox_to_relay',
  expression: 'create index "event_outbox_to_relay" on "event_outbox" ("seq") where "relayed_at" is null',
})
export class OutboxEvent {
  [OptionalProps]?: 'id' | 'seq' | 'occurredAt' | 'relayedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Written order: given by the database when the row is inserted, after the producer took its locks. */
  @Property({ type: 'bigint', autoincrement: true, persist: false })
  seq?: string;

  @Property({ type: 'string', default: 'EVENT' })
  kind!: OutboxKind;

  /** The event's topic, or the effect's name. */
  @Property({ type: 'string' })
  topic!: string;

  /** For an event, the file it is about (events of one file are applied in order); for an effect, its idempotency key. */
  @Property({ type: 'string' })
  key!: string;

  @Property({ type: 'json' })
  payload!: object;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  relayedAt: Date | null = null;
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

/** An event as its consumers receive it. */
export interface DeliveredEvent<T extends Topic = Topic> {
  id: string;
  topic: T;
  /** The subgraph that published it. */
  source: string;
  /** ISO 8601. */
  occurredAt: string;
  payload: EventPayloads[T];
  /** HMAC of the rest (see `eventSignature`), by the publishing subgraph's relay: consumers apply only events it verifies. */
  signature?: string;
}

/** What an event's signature covers: every field, the payload as canonical JSON (the engine stores it as jsonb). */
export const signedPartOf = (event: DeliveredEvent): string =>
  canonicalJson([event.id, event.topic, event.source, event.occurredAt, event.payload]);

/** The event, signed with the first of these keys (by its producer's relay). */
export const signedEvent = <T extends Topic>(event: DeliveredEvent<T>, keys: KeyRing): DeliveredEvent<T> => ({
  ...event,
  signature: keys.sign(signedPartOf(event as DeliveredEvent)),
});

/** How many events and effects this process has written: the channel relays after a handler only if it wrote some. */
export const outboxWrites = { count: 0 };

/**
 * Writes an event in the current unit of work: it leaves only if the transaction commits. Within a
 * request, its jobs are remembered so the mutation can wait, briefly, for its consumers to apply it.
 */
export function publish<T extends Topic>(em: EntityManager, topic: T, payload: EventPayloads[T]): OutboxEvent {
  const event = em.create(OutboxEvent, { kind: 'EVENT', topic, key: FILE_OF[topic](payload), payload });
  em.persist(event);
  outboxWrites.count += 1;
  currentRequest()?.awaitedJobs?.push(
    ...consumersOf(topic).map((consumer) => ({
      id: eventJobId(event.id, consumer),
      consumerQueue: eventsQueue(consumer),
    })),
  );
  return event;
}

/**
 * Asks for a side effect after the transaction commits, at most once per `key` (an email to one
 * person about one event…): a failure retries that effect alone. A mutation waits for it, briefly,
 * as for its events, unless it is not `awaited` (a call to someone else's server, which may be slow).
 */
export function enqueueEffect<E extends Effect>(
  em: EntityManager,
  effect: E,
  payload: EffectPayloads[E],
  key: string,
  { awaited = true }: { awaited?: boolean } = {},
): OutboxEvent {
  const row = em.create(OutboxEvent, { kind: 'EFFECT', topic: effect, key, payload: payload as object });
  em.persist(row);
  outboxWrites.count += 1;
  const request = currentRequest();
  if (awaited) request?.awaitedJobs?.push({ id: effectJobId(effect, key) });
  else if (request) request.relayNow = true;
  return row;
}
