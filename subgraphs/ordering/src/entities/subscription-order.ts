import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { Proposal } from './proposal.js';

/** The subscription order (`BS000020`) generated when a buyer accepts a proposal. */
@ObjectType({ description: 'A subscription order ("Bon de souscription"), generated on acceptance.' })
@Entity({ tableName: 'subscription_order' })
@Index({ properties: ['entityId', 'createdAt'] })
@Index({ properties: ['brandId', 'createdAt'] })
export class SubscriptionOrder extends BaseEntity {
  @Field(() => String, { description: 'Number, e.g. "BS000020".' })
  @Property({ type: 'string', unique: true })
  number!: string;

  @ManyToOne({ entity: () => Proposal, unique: true })
  proposal!: Proposal;

  @Field(() => ID, { description: 'The order it created.' })
  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => String, { description: 'Who subscribed.' })
  @Property({ type: 'string' })
  subscribedByName!: string;
}

export enum ProposalDocumentKind {
  PURCHASE_REQUEST = 'PURCHASE_REQUEST',
  SUBSCRIPTION_ORDER = 'SUBSCRIPTION_ORDER',
}
registerEnumType(ProposalDocumentKind, {
  name: 'ProposalDocumentKind',
  description: 'A document generated for a proposal.',
  valuesConfig: {
    PURCHASE_REQUEST: { description: "Demande d'achat / Purchase request (to raise in Chorus)." },
    SUBSCRIPTION_ORDER: { description: 'Bon de souscription / Subscription order.' },
  },
});

/** A PDF generated for a proposal ("Documents" tab). */
@ObjectType({ description: 'A document of a proposal (PDF).' })
@Entity({ tableName: 'proposal_document' })
export class ProposalDocument extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Proposal })
  proposal!: Proposal;

  @Field(() => ProposalDocumentKind, { description: 'What it is.' })
  @Enum({ items: () => ProposalDocumentKind, nativeEnumName: 'proposal_document_kind' })
  kind!: ProposalDocumentKind;

  @Field(() => String, { description: 'File name, e.g. "BS000020-bon-de-souscription-nuage-public.pdf".' })
  @Property({ type: 'string' })
  fileName!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'string' })
  storageKey!: string;

  @Field(() => String, { description: 'Who it was generated for ("Déposé par").' })
  @Property({ type: 'string' })
  createdByName!: string;
}
