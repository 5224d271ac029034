import { RequestReference } from '../entities/index.js';

/** Other subgraphs' references to requests: this subgraph adds its fields to them from the id alone. */
export const resolveRequestReference = (reference: { id: string }) => RequestReference.of(reference.id);
