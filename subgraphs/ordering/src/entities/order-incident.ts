import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * An incident on an order, as the incidents subgraph announced it: the order is disputed while
 * one is open. Keyed by the incident, so redelivered or reordered events settle to the same state.
 */
@Entity({ tableName: 'order_incident' })
export class OrderIncident {
  [OptionalProps]?: 'number';

  @PrimaryKey({ type: 'uuid' })
  incidentId!: string;

  @Index()
  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'boolean' })
  open!: boolean;

  /** Its number ("SAV-10498"), for the credit note that resolves it; null when it was closed before we learnt it. */
  @Property({ type: 'string', nullable: true })
  number: string | null = null;
}
