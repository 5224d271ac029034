import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { Order } from './order.js';

/** A line of an order, from the accepted proposal's line; delivered line by line. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A line of an order.' })
@Entity({ tableName: 'order_line' })
export class OrderLine extends BaseEntity<'quantityDelivered' | 'lastUpdateAt'> {
  @Index()
  @ManyToOne({ entity: () => Order })
  order!: Order;

  @Field(() => Int, { description: 'Rank in the order.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => ID, { nullable: true, description: 'The catalogue product, if referenced.' })
  @Property({ type: 'uuid', nullable: true })
  productId!: string | null;

  @Field(() => String, { nullable: true, description: 'Catalogue reference, e.g. "145893".' })
  @Property({ type: 'string', nullable: true })
  productCode!: string | null;

  @Field(() => String, { description: 'Designation.' })
  @Property({ type: 'text' })
  designation!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  quantity!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2, default: '0' })
  quantityDelivered: string = '0.00';

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  listUnitPrice!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When the line was (last) delivered.' })
  @Property({ type: 'date', nullable: true })
  deliveredOn: string | null = null;

  @Field(() => Date, { description: 'When the line last changed ("Date de dernière maj").' })
  @Property({ type: 'datetime' })
  lastUpdateAt: Date = new Date();
}
