import { IncidentReference } from '../entities/index.js';

/** Other subgraphs' references to incidents: this subgraph adds its fields to them from the id alone. */
export const resolveIncidentReference = (reference: { id: string }) => IncidentReference.of(reference.id);
