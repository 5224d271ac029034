import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

export enum IncidentStatus {
  DECLARED = 'DECLARED',
  TAKEN_IN_CHARGE = 'TAKEN_IN_CHARGE',
  AWAITING_BENEFICIARY = 'AWAITING_BENEFICIARY',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, { fr: string; en: string }> = {
  DECLARED: { fr: 'Déclaré', en: 'Declared' },
  TAKEN_IN_CHARGE: { fr: 'Pris en charge', en: 'Taken in charge' },
  AWAITING_BENEFICIARY: { fr: 'En attente du bénéficiaire', en: 'Awaiting the beneficiary' },
  RESOLVED: { fr: 'Résolu', en: 'Resolved' },
  CLOSED: { fr: 'Clôturé', en: 'Closed' },
  REJECTED: { fr: 'Rejeté', en: 'Rejected' },
};
registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: 'Where an incident stands.',
  valuesConfig: Object.fromEntries(
    Object.entries(INCIDENT_STATUS_LABELS).map(([k, l]) => [k, { description: `${l.fr} / ${l.en}` }]),
  ),
});

export enum IncidentSource {
  ORDER = 'ORDER',
  ACTIVATION = 'ACTIVATION',
}
registerEnumType(IncidentSource, {
  name: 'IncidentSource',
  description: 'Where an incident comes from.',
  valuesConfig: {
    ORDER: { description: 'Déclaré sur une commande ("Déclarer un litige") / Declared on an order.' },
    ACTIVATION: { description: 'Problème signalé à la mise en service / Reported at service activation.' },
  },
});

/** An incident or dispute on an order (`SAV-10498`). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An incident or dispute on an order ("Incident / litige").' })
@Entity({ tableName: 'incident' })
@Index({ properties: ['entityId', 'createdAt'] })
@Index({ properties: ['brandId', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['createdAt'] })
export class Incident extends BaseEntity<'status' | 'version'> {
  @Field(() => String, { description: 'Number, e.g. "SAV-10498".' })
  @Property({ type: 'string', unique: true })
  number!: string;

  @Field(() => ID, { description: 'The order concerned (resolved by the ordering subgraph as `order`).' })
  @Index()
  @Property({ type: 'uuid' })
  orderId!: string;

  @Field(() => String, { description: 'The order number, as known when declared.' })
  @Property({ type: 'string' })
  orderReference!: string;

  /** The file (request) of the order, for its timeline; null when ordering did not say. */
  @Property({ type: 'uuid', nullable: true })
  requestId!: string | null;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => ID, { description: "The order's brand." })
  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => String, { description: 'Code of its type, e.g. "INCOMPLETE_ORDER".' })
  @Index()
  @Property({ type: 'string' })
  typeCode!: string;

  @Field(() => IncidentSource, { description: 'Where it comes from.' })
  @Enum({ items: () => IncidentSource, nativeEnumName: 'incident_source' })
  source!: IncidentSource;

  @Field(() => String, { description: 'What is wrong.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => IncidentStatus, { description: 'Where it stands.' })
  @Enum({ items: () => IncidentStatus, nativeEnumName: 'incident_status' })
  status: IncidentStatus = IncidentStatus.DECLARED;

  @Field(() => String, { description: 'Who declared it.' })
  @Property({ type: 'string' })
  declaredByName!: string;

  @Property({ type: 'string' })
  declaredById!: string;

  @Field(() => Date, { nullable: true, description: 'When the market holder or the supplier first answered.' })
  @Property({ type: 'datetime', nullable: true })
  firstAnsweredAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was (last) resolved.' })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was closed or rejected.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** The orders this subgraph knows of, from the ordering subgraph's events. */
@Entity({ tableName: 'known_order' })
export class KnownOrder {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string' })
  reference!: string;

  /** The file (request) the order was placed from. */
  @Property({ type: 'uuid', nullable: true })
  requestId!: string | null;

  @Index()
  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;
}
