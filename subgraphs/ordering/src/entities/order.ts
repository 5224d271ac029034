import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/shared';

/** Where an order stands (the full lifecycle comes with the ordering issue). */
export enum OrderStatus {
  AWAITING_VALIDATION = 'AWAITING_VALIDATION',
  TO_DELIVER = 'TO_DELIVER',
  DELIVERED = 'DELIVERED',
  ACTIVATED = 'ACTIVATED',
  CANCELLED = 'CANCELLED',
}
export const ORDER_STATUS_LABELS: Record<OrderStatus, { fr: string; en: string }> = {
  AWAITING_VALIDATION: { fr: 'En attente de validation UGAP', en: 'Awaiting UGAP validation' },
  TO_DELIVER: { fr: 'A livrer', en: 'To be delivered' },
  DELIVERED: { fr: 'Livrée', en: 'Delivered' },
  ACTIVATED: { fr: 'Mise en service validée', en: 'Activation validated' },
  CANCELLED: { fr: 'Annulée', en: 'Cancelled' },
};
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands.',
  valuesConfig: Object.fromEntries(Object.entries(ORDER_STATUS_LABELS).map(([status, label]) => [status, { description: `${label.fr} / ${label.en}` }])),
});

/** An order (`CC022591`), created when a buyer accepts a proposal. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An order placed with a provider through UGAP.' })
@Entity({ tableName: 'customer_order' })
@Index({ properties: ['entityId', 'placedAt', 'id'] })
@Index({ properties: ['brandId', 'placedAt', 'id'] })
@Index({ properties: ['placedAt', 'id'] })
export class Order extends BaseEntity {
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
}
