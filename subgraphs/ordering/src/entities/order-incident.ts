import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * An incident on an order, as the incidents subgraph announced it: the order is disputed while
 * one is open. Keyed by the incident, so redelivered or reordered events settle to the same state.
 */
@Entity({ tableName: 'order_incident' })
export class OrderIncident {
  @PrimaryKey({ type: 'uuid' })
  incidentId!: string;

  @Index()
  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'boolean' })
  open!: boolean;
}
