import { Collection } from '@mikro-orm/core';
import { Entity, Index, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OrderLine } from './order-line.js';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import type { BuyerParty } from '@nuage/contracts';

/** Where an order stands (the full lifecycle comes with the ordering issue). */
export enum OrderStatus {
  AWAITING_VALIDATION = 'AWAITING_VALIDATION',
  TO_DELIVER = 'TO_DELIVER',
  DELIVERED = 'DELIVERED',
  SERVICES_OPENED = 'SERVICES_OPENED',
  ACTIVATION_DISPUTED = 'ACTIVATION_DISPUTED',
  ACTIVATED = 'ACTIVATED',
  CANCELLED = 'CANCELLED',
}
export const ORDER_STATUS_LABELS: Record<OrderStatus, { fr: string; en: string }> = {
  AWAITING_VALIDATION: { fr: 'En attente de validation UGAP', en: 'Awaiting UGAP validation' },
  TO_DELIVER: { fr: 'A livrer', en: 'To be delivered' },
  DELIVERED: { fr: 'Livrée', en: 'Delivered' },
  SERVICES_OPENED: { fr: 'Mise en service à valider', en: 'Activation to validate' },
  ACTIVATION_DISPUTED: { fr: 'Mise en service contestée', en: 'Activation disputed' },
  ACTIVATED: { fr: 'Mise en service validée', en: 'Activation validated' },
  CANCELLED: { fr: 'Annulée', en: 'Cancelled' },
};
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands.',
  valuesConfig: Object.fromEntries(
    Object.entries(ORDER_STATUS_LABELS).map(([status, label]) => [
      status,
      { description: `${label.fr} / ${label.en}` },
    ]),
  ),
});

/** An order (`CC022591`), created when a buyer accepts a proposal. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An order placed with a provider through UGAP.' })
@Entity({ tableName: 'customer_order' })
@Index({ properties: ['entityId', 'placedAt', 'id'] })
@Index({ properties: ['brandId', 'placedAt', 'id'] })
@Index({ properties: ['placedAt', 'id'] })
@Unique({ properties: ['entityId', 'legalCommitmentNumber'] })
export class Order extends BaseEntity<'version' | 'renewsOrderLineIds' | 'creditsForOrderLineId' | 'buyer'> {
  @Field(() => String, { description: 'Order number, e.g. "CC022591".' })
  @Property({ type: 'string', unique: true })
  reference!: string;

  @Field(() => OrderStatus, { description: 'Where the order stands.' })
  @Property({ type: 'string' })
  status!: OrderStatus;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => Date, { description: 'When the order was placed.' })
  @Property({ type: 'datetime' })
  placedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The accepted proposal it comes from.' })
  @Property({ type: 'uuid', nullable: true })
  proposalId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The request it answers.' })
  @Property({ type: 'uuid', nullable: true })
  requestId: string | null = null;

  @Field(() => String, { nullable: true, description: 'File number of the request ("Dossier").' })
  @Property({ type: 'string', nullable: true })
  fileNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'Number of the proposal ("N° de devis").' })
  @Property({ type: 'string', nullable: true })
  proposalNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'The project, as the buyer named it.' })
  @Property({ type: 'string', nullable: true })
  projectName: string | null = null;

  @Field(() => String, { nullable: true, description: 'SIRET of the final customer (the buying entity).' })
  @Index()
  @Property({ type: 'string', nullable: true })
  entitySiret: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the supplier declared the services open.' })
  @Property({ type: 'datetime', nullable: true })
  servicesOpenedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the buyer validated the activation.' })
  @Property({ type: 'datetime', nullable: true })
  activatedAt: Date | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the commitment (renewal due date).' })
  @Index()
  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who placed it ("Contact").' })
  @Property({ type: 'string', nullable: true })
  placedByName: string | null = null;

  @Field(() => String, { nullable: true, description: "UGAP's own reference, given on validation." })
  @Index()
  @Property({ type: 'string', nullable: true })
  ugapReference: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      "UGAP's own purchase request in Chorus, given when UGAP validates the order (not the buyer's legal commitment).",
  })
  @Property({ type: 'string', nullable: true })
  chorusPurchaseRequestNumber: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'The legal commitment (EJ, "engagement juridique") the buyer raised in Chorus for this order, 10 digits; every invoice carries it.',
  })
  @Property({ type: 'string', nullable: true })
  legalCommitmentNumber: string | null = null;

  /** The buying entity as it stood when the order was placed: the documents of the order name it. */
  @Property({ type: 'json', nullable: true })
  buyer: BuyerParty | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned delivery date ("Date livraison").' })
  @Property({ type: 'date', nullable: true })
  plannedDeliveryDate: string | null = null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day of the subscription: the activation, or for a renewal the day after the due date of what it renews.',
  })
  @Property({ type: 'date', nullable: true })
  startDate: string | null = null;

  /** The order lines this order renews (a renewal's file named them): its subscription follows theirs. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  renewsOrderLineIds: string[] = [];

  /** For credits the buyer stated, the order line they top up: its commitment grows at activation. */
  @Property({ type: 'uuid', nullable: true })
  creditsForOrderLineId: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Commitment in months.' })
  @Property({ type: 'integer', nullable: true })
  commitmentMonths: number | null = null;

  @Property({ type: 'string', nullable: true })
  billingPeriod: string | null = null;

  @Property({ type: 'string', nullable: true })
  billingTiming: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @OneToMany({ entity: () => OrderLine, mappedBy: 'order', orphanRemoval: true })
  lines = new Collection<OrderLine>(this);
}
