import { DashboardReference } from '../entities/index.js';

/** Other subgraphs' references to dashboards (the caller's): this subgraph adds its fields to them from the id alone. */
export const resolveDashboardReference = (reference: { id: string }) => DashboardReference.of(reference.id);
