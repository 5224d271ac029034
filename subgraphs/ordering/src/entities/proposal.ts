import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { BillingPeriod, BillingTiming } from '@nuage/contracts';

export enum ProposalStatus {
  AWAITING_MANAGER = 'AWAITING_MANAGER',
  APPROVED = 'APPROVED',
  REJECTED_BY_MANAGER = 'REJECTED_BY_MANAGER',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
  CLOSED = 'CLOSED',
}
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, { fr: string; en: string }> = {
  AWAITING_MANAGER: { fr: 'Attente manager', en: 'Awaiting manager' },
  APPROVED: { fr: 'Validée par le manager', en: 'Approved by the manager' },
  REJECTED_BY_MANAGER: { fr: 'Rejetée par le manager', en: 'Rejected by the manager' },
  ACCEPTED: { fr: 'Acceptée', en: 'Accepted' },
  REFUSED: { fr: 'Refusée', en: 'Refused' },
  WITHDRAWN: { fr: 'Retirée par le fournisseur', en: 'Withdrawn by the supplier' },
  CLOSED: { fr: 'Close (autre proposition retenue)', en: 'Closed (another proposal was accepted)' },
};
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands.',
  valuesConfig: Object.fromEntries(
    Object.entries(PROPOSAL_STATUS_LABELS).map(([k, l]) => [k, { description: `${l.fr} / ${l.en}` }]),
  ),
});

/** Who wrote a proposal. */
export enum ProposalOrigin {
  SUPPLIER = 'SUPPLIER',
  BUYER_CREDITS = 'BUYER_CREDITS',
}
registerEnumType(ProposalOrigin, {
  name: 'ProposalOrigin',
  description: 'Who wrote a proposal.',
  valuesConfig: {
    SUPPLIER: { description: 'The solicited supplier answered the request (proposition du fournisseur).' },
    BUYER_CREDITS: {
      description: 'The buyer stated the amount of consumption credits to renew (renouvellement de crédits).',
    },
  },
});

/**
 * A supplier's priced answer to a request (`DC041181`). It goes to the entity's manager, then the
 * buyer accepts it (generating the subscription order and the order) or refuses it.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A priced proposal of a supplier answering a request ("Proposition").' })
@Entity({ tableName: 'proposal' })
@Index({ properties: ['requestId'] })
@Index({ properties: ['entityId', 'createdAt'] })
@Index({ properties: ['brandId', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
export class Proposal extends BaseEntity<
  'status' | 'version' | 'revision' | 'renewsOrderLineIds' | 'creditsForOrderLineId' | 'sealed'
> {
  @Field(() => String, { description: 'Proposal number, e.g. "DC041181".' })
  @Property({ type: 'string', unique: true })
  number!: string;

  @Field(() => ID, { description: 'The request it answers.' })
  @Property({ type: 'uuid' })
  requestId!: string;

  @Field(() => String, { description: 'File number of the request ("N° de dossier").' })
  @Property({ type: 'string' })
  fileNumber!: string;

  @Field(() => ID, { description: 'The brand that proposes.' })
  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => ID, { description: "The buyer's entity." })
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, {
    description: 'Who submitted it: someone at the supplier, or the buyer who stated credits to renew.',
  })
  @Property({ type: 'string' })
  submittedByName!: string;

  /** The subscription lines it renews (from the renewal request): the order it becomes starts after them. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  renewsOrderLineIds: string[] = [];

  /** Sealed until its request's proposals open: only its own supplier reads it meanwhile. */
  @Property({ type: 'boolean', default: false })
  sealed: boolean = false;

  /** For credits the buyer stated ("Usages (crédits)"), the order line they top up. */
  @Property({ type: 'uuid', nullable: true })
  creditsForOrderLineId: string | null = null;

  @Field(() => ProposalStatus, { description: 'Where it stands.' })
  @Enum({ items: () => ProposalStatus, nativeEnumName: 'proposal_status' })
  status: ProposalStatus = ProposalStatus.AWAITING_MANAGER;

  @Field(() => LocalDate, { description: 'Last day it can be accepted ("Date de validité").' })
  @Property({ type: 'date' })
  validUntil!: string;

  @Field(() => Int, { nullable: true, description: 'Commitment in months.' })
  @Property({ type: 'integer', nullable: true })
  commitmentMonths!: number | null;

  @Field(() => BillingPeriod, { description: 'How often it is invoiced ("Périodicité paiement").' })
  @Enum({ items: () => BillingPeriod, nativeEnumName: 'subscription_billing_period' })
  billingPeriod!: BillingPeriod;

  @Field(() => BillingTiming, { description: 'In advance ("à échoir") or in arrears ("échu").' })
  @Enum({ items: () => BillingTiming, nativeEnumName: 'subscription_billing_timing' })
  billingTiming!: BillingTiming;

  @Field(() => Int, { description: 'How many times the supplier revised it (0: as first submitted).' })
  @Property({ type: 'integer' })
  revision: number = 0;

  @Field(() => String, { nullable: true, description: "The manager's comment on approval or rejection." })
  @Property({ type: 'text', nullable: true })
  managerComment: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who approved or rejected it.' })
  @Property({ type: 'string', nullable: true })
  managerName: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the manager decided.' })
  @Property({ type: 'datetime', nullable: true })
  managerDecidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Who accepted or refused it.' })
  @Property({ type: 'string', nullable: true })
  buyerName: string | null = null;

  @Field(() => Date, { nullable: true, description: "When the buyer acknowledged UGAP's general conditions (CGE)." })
  @Property({ type: 'datetime', nullable: true })
  cgeAcceptedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: "When the buyer acknowledged the provider's terms (CGU)." })
  @Property({ type: 'datetime', nullable: true })
  cguAcceptedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the buyer accepted or refused it.' })
  @Property({ type: 'datetime', nullable: true })
  buyerDecidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why the buyer refused it.' })
  @Property({ type: 'text', nullable: true })
  refusalReason: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @OneToMany({ entity: () => ProposalLine, mappedBy: 'proposal', orphanRemoval: true })
  lines = new Collection<ProposalLine>(this);
}

/** A line of a proposal: a catalogue reference or a free line, priced exactly. */
@ObjectType({ description: 'A line of a proposal.' })
@Entity({ tableName: 'proposal_line' })
export class ProposalLine extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Proposal })
  proposal!: Proposal;

  @Field(() => Int, { description: 'Rank in the proposal.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => ID, { nullable: true, description: 'The catalogue product, if referenced.' })
  @Property({ type: 'uuid', nullable: true })
  productId!: string | null;

  @Field(() => String, { nullable: true, description: 'Catalogue reference, e.g. "145893"; null for a free line.' })
  @Property({ type: 'string', nullable: true })
  productCode!: string | null;

  @Field(() => String, { description: 'Designation.' })
  @Property({ type: 'text' })
  designation!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  quantity!: string;

  /** Public (list) unit price excl. VAT. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  listUnitPrice!: string;

  /** Unit price excl. VAT after the market discount. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  /** VAT rate in percent, e.g. "20.00". */
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate!: string;
}

/** A supplier's call already answered: a retry with the same key returns the same proposal. */
@Entity({ tableName: 'idempotency_key' })
@Unique({ properties: ['brandId', 'key'] })
export class IdempotencyKey extends BaseEntity {
  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'string' })
  key!: string;

  @Property({ type: 'string' })
  operation!: string;

  /** What the call asked, to refuse the same key reused for a different call. */
  @Property({ type: 'string' })
  fingerprint!: string;

  @Property({ type: 'uuid' })
  resultId!: string;
}
