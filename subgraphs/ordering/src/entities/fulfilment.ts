import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { Order } from './order.js';
import { OrderLine } from './order-line.js';

export enum DelayStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}
registerEnumType(DelayStatus, {
  name: 'DelayStatus',
  description: 'Where a delay request stands.',
  valuesConfig: {
    PENDING: { description: 'En attente de réponse / Awaiting an answer.' },
    ACCEPTED: { description: 'Acceptée / Accepted: the planned delivery date moved.' },
    REFUSED: { description: 'Refusée / Refused.' },
  },
});

/** "Demande de délai": someone asks to move an order's planned delivery date. */
@ObjectType({ description: 'A request to move the planned delivery date of an order ("Demande de délai").' })
@Entity({ tableName: 'delay_request' })
export class DelayRequest extends BaseEntity<'status'> {
  @Index()
  @ManyToOne({ entity: () => Order })
  order!: Order;

  @Field(() => LocalDate, { description: 'The date asked for.' })
  @Property({ type: 'date' })
  requestedDate!: string;

  @Field(() => String, { description: 'Why.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => String, { description: 'Who asked.' })
  @Property({ type: 'string' })
  requestedByName!: string;

  @Field(() => Role, { description: 'Role of who asked.' })
  @Property({ type: 'string' })
  requestedByRole!: Role;

  @Field(() => DelayStatus, { description: 'Where it stands.' })
  @Enum({ items: () => DelayStatus, nativeEnumName: 'delay_status' })
  status: DelayStatus = DelayStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Who answered (the supplier or UGAP).' })
  @Property({ type: 'string', nullable: true })
  answeredByName: string | null = null;

  @Field(() => String, { nullable: true, description: 'The answer.' })
  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was answered.' })
  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;
}

/** A delivery note ("Bon de livraison") recorded by the supplier, line by line. */
@ObjectType({ description: 'A delivery note of an order ("Bon de livraison").' })
@Entity({ tableName: 'delivery' })
@Index({ properties: ['brandId', 'createdAt'] })
@Index({ properties: ['entityId', 'createdAt'] })
export class Delivery extends BaseEntity {
  @Field(() => String, { description: 'Number, e.g. "BL004512".' })
  @Property({ type: 'string', unique: true })
  number!: string;

  @Index()
  @ManyToOne({ entity: () => Order })
  order!: Order;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => LocalDate, { description: 'Delivery date.' })
  @Property({ type: 'date' })
  deliveredOn!: string;

  @Field(() => String, { description: 'Who recorded it.' })
  @Property({ type: 'string' })
  recordedByName!: string;

  @OneToMany({ entity: () => DeliveryLine, mappedBy: 'delivery' })
  lines = new Collection<DeliveryLine>(this);
}

@ObjectType({ description: 'What a delivery note delivers of one order line.' })
@Entity({ tableName: 'delivery_line' })
export class DeliveryLine extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Delivery })
  delivery!: Delivery;

  @ManyToOne({ entity: () => OrderLine })
  orderLine!: OrderLine;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  quantity!: string;
}

export const FULFILMENT_ENTITIES = [DelayRequest, Delivery, DeliveryLine];
