import { OrderReference } from '../entities/index.js';

/** Other subgraphs' references to orders: this subgraph adds its fields to them from the id alone. */
export const resolveOrderReference = (reference: { id: string }) => OrderReference.of(reference.id);
