import { OrderLineReference } from '../entities/index.js';

/** Other subgraphs' references to order lines: this subgraph adds its fields to them from the id alone. */
export const resolveOrderLineReference = (reference: { id: string }) => OrderLineReference.of(reference.id);
