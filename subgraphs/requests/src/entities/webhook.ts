import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { EventType, FeedEvent } from './feed-event.js';

/** Whose a webhook endpoint is: it receives the events that owner may see. */
export enum WebhookOwner {
  BRAND = 'BRAND',
  ENTITY = 'ENTITY',
  MARKET = 'MARKET',
}
registerEnumType(WebhookOwner, {
  name: 'WebhookOwner',
  description: 'Whose a webhook endpoint is.',
  valuesConfig: {
    BRAND: { description: "Une marque : les événements de la marque / A brand: its brand's events" },
    ENTITY: { description: "Une entité : les événements de l'entité / An entity: its entity's events" },
    MARKET: { description: 'UGAP : les événements du marché / UGAP: the market’s events' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  RETRYING = 'RETRYING',
  FAILED = 'FAILED',
  /** Not sent: the endpoint was disabled before its turn. */
  SKIPPED = 'SKIPPED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'En attente / Waiting to be sent' },
    SUCCEEDED: { description: 'Reçue (réponse 2xx) / Received (a 2xx answer)' },
    RETRYING: { description: 'En échec, sera retentée / Failed, will be retried' },
    FAILED: { description: 'Abandonnée après les essais / Given up after every retry' },
    SKIPPED: { description: 'Non envoyée, point désactivé / Not sent, the endpoint was disabled' },
  },
});

/** An HTTPS address of a supplier's (UGAP's, an entity's) system that receives signed events. */
@ObjectType({ description: 'An endpoint that receives events, signed, as they happen.' })
@Entity({ tableName: 'webhook_endpoint' })
@Index({ properties: ['ownerType', 'ownerId'] })
@Index({
  name: 'webhook_endpoint_owner_url',
  expression:
    'create unique index "webhook_endpoint_owner_url" on "webhook_endpoint" ("owner_type", coalesce("owner_id", \'00000000-0000-0000-0000-000000000000\'), "url")',
})
export class WebhookEndpoint extends BaseEntity<'enabled' | 'consecutiveFailures' | 'disabledAt'> {
  @Field(() => WebhookOwner, { description: 'Whose it is.' })
  @Enum({ items: () => WebhookOwner, nativeEnumName: 'webhook_owner' })
  ownerType!: WebhookOwner;

  /** The brand or entity; null for the market's (UGAP). */
  @Property({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Field(() => String, { description: 'Where events are sent (HTTPS).' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What it is for, in its owner’s words.' })
  @Property({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => [EventType], { description: 'The event types it receives; empty for all.' })
  @Property({ type: 'text[]' })
  eventTypes!: EventType[];

  /** Signs every delivery; shown once, at creation or rotation. */
  @Property({ type: 'text', hidden: true })
  secret!: string;

  /** The secret before the last rotation, still signing until `previousSecretExpiresAt`. */
  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecret: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Until when deliveries are also signed with the previous secret.' })
  @Property({ type: 'datetime', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Field(() => Boolean, { description: 'Whether it receives events.' })
  @Property({ type: 'boolean', default: true })
  enabled = true;

  @Field(() => Int, { description: 'Failed attempts since the last delivery it received.' })
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures = 0;

  @Field(() => Date, { nullable: true, description: 'When it was disabled after too many failures in a row.' })
  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;
}

/** One event sent to one endpoint, with every attempt's outcome. */
@ObjectType({ description: 'An event sent to an endpoint: its attempts and their outcome.' })
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['endpoint', 'createdAt'] })
@Index({ properties: ['event'] })
export class WebhookDelivery extends BaseEntity<
  'status' | 'attempts' | 'lastResponseCode' | 'lastLatencyMs' | 'lastError' | 'lastAttemptAt' | 'deliveredAt'
> {
  @ManyToOne({ entity: () => WebhookEndpoint, deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @ManyToOne({ entity: () => FeedEvent, deleteRule: 'cascade' })
  event!: FeedEvent;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null if none came.' })
  @Property({ type: 'integer', nullable: true })
  lastResponseCode: number | null = null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  @Property({ type: 'integer', nullable: true })
  lastLatencyMs: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed without an answer (timeout, refused…).',
  })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was last tried.' })
  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint acknowledged it (2xx).' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;
}
