import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { FileStep, HistorySubject, type Bilingual } from '@nuage/contracts';

/** What an event of the feed (and of a webhook) says happened: every step of a file, and a few more. */
export const EventType = {
  ...FileStep,
  /** A commitment's consumption crossed one of the entity's alert thresholds. */
  CONSUMPTION_ALERT: 'CONSUMPTION_ALERT',
  /** A webhook endpoint failed too many times in a row and was disabled. */
  WEBHOOK_ENDPOINT_DISABLED: 'WEBHOOK_ENDPOINT_DISABLED',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

export const EVENT_TYPE_LABELS: Record<EventType, Bilingual> = {
  REQUEST_SUBMITTED: { fr: 'Nouvelle demande à traiter', en: 'New request to answer' },
  REQUEST_UPDATED: { fr: 'Demande modifiée', en: 'Request updated' },
  REQUEST_CANCELLED: { fr: 'Demande annulée', en: 'Request cancelled' },
  MESSAGE_POSTED: { fr: 'Nouveau message', en: 'New message' },
  RESPONSE_DEADLINE_EXTENDED: { fr: 'Date limite de réponse reportée', en: 'Response deadline extended' },
  RESPONSE_DEADLINE_NEAR: { fr: 'Date limite de réponse proche', en: 'Response deadline near' },
  SOLICITATION_DECLINED: { fr: 'Un fournisseur ne répond pas', en: 'A supplier declined to answer' },
  PROPOSALS_OPENED: { fr: 'Propositions ouvertes', en: 'Proposals opened' },
  PROPOSAL_SUBMITTED: { fr: 'Proposition reçue', en: 'Proposal received' },
  PROPOSAL_REVISED: { fr: 'Proposition révisée', en: 'Proposal revised' },
  CREDITS_STATED: { fr: 'Crédits saisis par l’acheteur', en: 'Credits stated by the buyer' },
  PROPOSAL_APPROVED: { fr: 'Proposition validée par le manager', en: 'Proposal approved' },
  PROPOSAL_REJECTED: { fr: 'Proposition rejetée par le manager', en: 'Proposal rejected' },
  PROPOSAL_ACCEPTED: { fr: 'Proposition acceptée : commande à valider', en: 'Proposal accepted: order to validate' },
  PROPOSAL_REFUSED: { fr: 'Proposition refusée', en: 'Proposal refused' },
  PROPOSAL_CLOSED: { fr: 'Proposition clôturée', en: 'Proposal closed' },
  ORDER_VALIDATED: { fr: 'Commande validée par UGAP', en: 'Order validated' },
  DELAY_REQUESTED: { fr: 'Demande de délai', en: 'Delay requested' },
  DELAY_ANSWERED: { fr: 'Demande de délai traitée', en: 'Delay request answered' },
  DELIVERY_RECORDED: { fr: 'Livraison enregistrée', en: 'Delivery recorded' },
  SERVICES_OPENED: { fr: 'Mise en service à valider', en: 'Services open, awaiting validation' },
  ACTIVATION_VALIDATED: { fr: 'Mise en service validée', en: 'Activation validated' },
  ACTIVATION_DISPUTED: { fr: 'Mise en service contestée', en: 'Activation disputed' },
  INCIDENT_OPENED: { fr: 'Incident déclaré', en: 'Incident opened' },
  INCIDENT_UPDATED: { fr: 'Incident mis à jour', en: 'Incident updated' },
  INCIDENT_RESOLVED: { fr: 'Incident résolu', en: 'Incident resolved' },
  INVOICE_ISSUED: { fr: 'Facture émise', en: 'Invoice issued' },
  INVOICE_SUSPENDED: { fr: 'Facture suspendue', en: 'Invoice suspended' },
  INVOICE_PAID: { fr: 'Facture payée', en: 'Invoice paid' },
  CONSUMPTION_ALERT: { fr: 'Alerte de consommation', en: 'Consumption alert' },
  WEBHOOK_ENDPOINT_DISABLED: { fr: 'Point de réception désactivé', en: 'Webhook endpoint disabled' },
};

registerEnumType(EventType, {
  name: 'EventType',
  description: 'What an event says happened (the feed, webhooks).',
  valuesConfig: Object.fromEntries(
    Object.entries(EVENT_TYPE_LABELS).map(([key, label]) => [key, { description: `${label.fr} / ${label.en}` }]),
  ),
});

/**
 * Something that happened, kept for the feeds of those who may see it: the entity's buyers when
 * `entityId` is set, the suppliers of `brandIds`, and UGAP, the market holder and analysts always.
 */
@ObjectType('Event', { description: 'Something that happened on the market, as its feed and webhooks tell it.' })
@Entity({ tableName: 'feed_event' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['entityId', 'createdAt'] })
@Index({
  name: 'feed_event_brand_ids',
  expression: 'create index "feed_event_brand_ids" on "feed_event" using gin ("brand_ids")',
})
export class FeedEvent extends BaseEntity {
  @Field(() => EventType, { description: 'What happened.' })
  @Property({ type: 'string' })
  type!: EventType;

  /** The entity whose buyers see it; null when it is for suppliers only (a reminder). */
  @Property({ type: 'uuid', nullable: true })
  entityId!: string | null;

  /** The brands whose suppliers see it (none: buyers and the market only). */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  brandIds: string[] = [];

  @Field(() => HistorySubject, { nullable: true, description: 'What it is about.' })
  @Property({ type: 'string', nullable: true })
  subjectType!: HistorySubject | null;

  @Field(() => String, { nullable: true, description: 'The id of what it is about (request, proposal, order…).' })
  @Property({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Field(() => String, { nullable: true, description: 'The reference people read (file number, DC…, CC…, SAV-…).' })
  @Property({ type: 'string', nullable: true })
  reference!: string | null;

  /** The file (request) it belongs to. */
  @Property({ type: 'uuid', nullable: true })
  fileId!: string | null;

  /** The order it belongs to (an order, its activation, invoice or incident). */
  @Property({ type: 'uuid', nullable: true })
  orderId!: string | null;

  @Field(() => String, { nullable: true, description: 'The status it left, for a step that moved something.' })
  @Property({ type: 'string', nullable: true })
  fromStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'The status it reached.' })
  @Property({ type: 'string', nullable: true })
  toStatus!: string | null;

  /** The role of who took the step (SYSTEM for the platform). */
  @Field(() => String, { description: 'The role of who did it (SYSTEM when the platform did).' })
  @Property({ type: 'string' })
  actorRole!: string;

  @Property({ type: 'text' })
  summaryFr!: string;

  @Property({ type: 'text' })
  summaryEn!: string;
}
