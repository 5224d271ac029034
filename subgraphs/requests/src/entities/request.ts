import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { Project } from './project.js';
import { RequestSolution } from './request-solution.js';
import { RequestItem } from './request-item.js';

export enum RequestKind {
  GUIDED_CHOICE = 'GUIDED_CHOICE',
  DEROGATION = 'DEROGATION',
  RENEWAL = 'RENEWAL',
  COMPLEMENTARY = 'COMPLEMENTARY',
}
export const REQUEST_KIND_LABELS: Record<RequestKind, { fr: string; en: string }> = {
  GUIDED_CHOICE: { fr: "Parcours d'aide au choix", en: 'Guided choice' },
  DEROGATION: { fr: 'Choix dérogatoire', en: 'Derogation' },
  RENEWAL: { fr: 'Renouvellement', en: 'Renewal' },
  COMPLEMENTARY: { fr: 'Commande complémentaire', en: 'Complementary order' },
};
registerEnumType(RequestKind, {
  name: 'RequestKind',
  description: 'How the buyer chose what to ask for.',
  valuesConfig: Object.fromEntries(
    Object.entries(REQUEST_KIND_LABELS).map(([k, l]) => [k, { description: `${l.fr} / ${l.en}` }]),
  ),
});

export enum RequestStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  AWAITING_PROVIDER = 'AWAITING_PROVIDER',
  PROPOSALS_RECEIVED = 'PROPOSALS_RECEIVED',
  ORDERED = 'ORDERED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
export const REQUEST_STATUS_LABELS: Record<RequestStatus, { fr: string; en: string }> = {
  DRAFT: { fr: 'Brouillon', en: 'Draft' },
  SENT: { fr: 'Envoyée', en: 'Sent' },
  AWAITING_PROVIDER: { fr: 'En attente fournisseur', en: 'Awaiting provider' },
  PROPOSALS_RECEIVED: { fr: 'Propositions reçues', en: 'Proposals received' },
  ORDERED: { fr: 'Commandée', en: 'Ordered' },
  CLOSED: { fr: 'Clôturée', en: 'Closed' },
  CANCELLED: { fr: 'Annulée', en: 'Cancelled' },
};
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'Where a request stands in its lifecycle.',
  valuesConfig: Object.fromEntries(
    Object.entries(REQUEST_STATUS_LABELS).map(([k, l]) => [k, { description: `${l.fr} / ${l.en}` }]),
  ),
});

/**
 * A buyer's request for quotes ("demande"): a draft until submitted, then a file with its number
 * (`168091-36`) that the solicited providers answer with proposals.
 */
@Directive('@key(fields: "id")')
@ObjectType('Request', { description: 'A request for quotes of a beneficiary entity ("Demande de devis").' })
@Entity({ tableName: 'service_request' })
@Index({ properties: ['entityId', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['createdAt'] })
@Index({
  name: 'service_request_file_number_trgm',
  expression:
    'create index "service_request_file_number_trgm" on "service_request" using gin ("file_number" gin_trgm_ops)',
})
export class ServiceRequest extends BaseEntity<'status' | 'statusChangedAt' | 'version'> {
  @Field(() => String, {
    nullable: true,
    description: 'File number given on submission, e.g. "168091-36"; null for a draft.',
  })
  @Property({ type: 'string', nullable: true, unique: true })
  fileNumber: string | null = null;

  @Field(() => RequestKind, { description: 'How the buyer chose what to ask for.' })
  @Enum({ items: () => RequestKind, nativeEnumName: 'request_kind' })
  kind!: RequestKind;

  @Field(() => RequestStatus, { description: 'Where it stands.' })
  @Enum({ items: () => RequestStatus, nativeEnumName: 'request_status' })
  status: RequestStatus = RequestStatus.DRAFT;

  @ManyToOne({ entity: () => Project })
  project!: Project;

  /** The buyer's entity (denormalised from the project, for rights and filters). */
  @Field(() => ID, { description: 'The beneficiary entity it belongs to.' })
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, { description: 'Who created it (person id).' })
  @Property({ type: 'string' })
  createdById!: string;

  @Field(() => String, { description: 'Name of who created it.' })
  @Property({ type: 'string' })
  createdByName!: string;

  @Field(() => String, {
    nullable: true,
    description: '"Ma référence": the buyer\'s own reference, editable at any time.',
  })
  @Property({ type: 'string', nullable: true })
  myReference: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The recorded guided choice it builds on (kind GUIDED_CHOICE).' })
  @Property({ type: 'uuid', nullable: true })
  guidedChoiceId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the buyer derogates from the guided choice (kind DEROGATION).',
  })
  @Property({ type: 'text', nullable: true })
  derogationReason: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who signed the derogation.' })
  @Property({ type: 'string', nullable: true })
  derogationSignedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the derogation was signed.' })
  @Property({ type: 'datetime', nullable: true })
  derogationSignedAt: Date | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Desired start of the technical need ("Début souhaité").' })
  @Property({ type: 'date', nullable: true })
  desiredStartDate: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Estimated duration of the need, in years ("Durée estimée").' })
  @Property({ type: 'integer', nullable: true })
  durationYears: number | null = null;

  @Field(() => String, { nullable: true, description: 'The technical need, sent to every solicited provider.' })
  @Property({ type: 'text', nullable: true })
  needText: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { description: 'When its status last changed.' })
  @Property({ type: 'datetime' })
  statusChangedAt: Date = new Date();

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** Bumped by every change, so that two concurrent changes cannot both win. */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @OneToMany({ entity: () => RequestSolution, mappedBy: 'request', orphanRemoval: true })
  solutions = new Collection<RequestSolution>(this);

  @OneToMany({ entity: () => RequestItem, mappedBy: 'request', orphanRemoval: true })
  items = new Collection<RequestItem>(this);
}
