import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * This subgraph's copy of the orders placed by its entities, kept from the ordering subgraph's
 * "order placed" events: a renewal or a complementary order may only name an order of the buyer's
 * own entity and its lines, and solicits the order's brand.
 */
@Entity({ tableName: 'known_order' })
export class KnownOrder {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'string' })
  reference!: string;

  @Property({ type: 'json' })
  lines!: { orderLineId: string; designation: string; productCode: string | null }[];
}
