import type { SubgraphDefinition } from '@nuage/shared';
import { IncidentType } from './entities';
import { IncidentTypeLabels, IncidentTypeResolver } from './resolvers/incident-type.resolver';
import { migrations } from './migrations';
import { seedIncidents } from './seed';

/** Incidents and disputes on orders and activations (their types so far). */
export const incidents: SubgraphDefinition<Record<string, never>> = {
  name: 'incidents',
  resolvers: [IncidentTypeResolver, IncidentTypeLabels],
  entities: [IncidentType],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedIncidents,
  createLoaders: () => ({}),
};
