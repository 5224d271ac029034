import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity, DecimalScalar } from '@nuage/platform';
import { ServiceRequest } from './request.js';

/**
 * What a renewal or complementary order asks for ("Vos produits"): an order line to renew, a
 * catalogue product, or a product outside the catalogue, each with a quantity.
 */
@ObjectType({
  description:
    'A line of a renewal or complementary request: an order line, a catalogue product or a non-referenced product.',
})
@Entity({ tableName: 'request_item' })
export class RequestItem extends BaseEntity<'position'> {
  @Index()
  @ManyToOne({ entity: () => ServiceRequest })
  request!: ServiceRequest;

  /** Rank in the buyer's list (0 first). */
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  @Field(() => ID, {
    nullable: true,
    description: 'The order concerned (ordering subgraph), for a renewal or complement.',
  })
  @Property({ type: 'uuid', nullable: true })
  orderId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The order line renewed, if one.' })
  @Property({ type: 'uuid', nullable: true })
  orderLineId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The catalogue product, if referenced.' })
  @Property({ type: 'uuid', nullable: true })
  productId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The brand of the product.' })
  @Property({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @Field(() => String, {
    description: "Designation: the catalogue product's, or the buyer's words for a non-referenced product.",
  })
  @Property({ type: 'string' })
  designation!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The catalogue reference, e.g. "145897"; null when not referenced.',
  })
  @Property({ type: 'string', nullable: true })
  productCode!: string | null;

  @Field(() => DecimalScalar, { description: 'Quantity, e.g. "1.00".' })
  @Property({ type: 'decimal', precision: 12, scale: 2 })
  quantity!: string;
}
