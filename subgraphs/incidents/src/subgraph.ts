import { fileStoreOf } from '@nuage/files';
import type { SubgraphDefinition } from '@nuage/platform';
import { DocumentFields, MessageFields, THREAD_ENTITIES, deleteUnattachedUploads } from '@nuage/threads';
import { HistoryEntry, HistoryEntryFields, HistoryField } from '@nuage/history';
import { routes } from './routes';
import { resolveIncidentReference } from './resolvers/incident.reference';
import { Incident, IncidentType, KnownOrder, OrderReference } from './entities';
import { IncidentTypeLabels, IncidentTypeResolver } from './resolvers/incident-type.resolver';
import { IncidentResolver, OrderIncidentsResolver } from './resolvers/incident.resolver';
import { INCIDENTS_CONSUME } from './events';
import { createLoaders, type IncidentsLoaders, type IncidentsServices } from './loaders';
import { migrations } from './migrations';
import { resolveOrderReference } from './resolvers/order.reference';
import { seedIncidents } from './seed';

/** Incidents and disputes on orders and activations. */
export const incidents: SubgraphDefinition<IncidentsLoaders, IncidentsServices> = {
  name: 'incidents',
  resolvers: [
    IncidentTypeResolver,
    IncidentTypeLabels,
    IncidentResolver,
    OrderIncidentsResolver,
    MessageFields,
    DocumentFields,
    HistoryEntryFields,
    HistoryField(Incident, 'incident'),
  ],
  orphanedTypes: [OrderReference],
  references: {
    Order: { __resolveReference: resolveOrderReference },
    Incident: { __resolveReference: resolveIncidentReference },
  },
  entities: [IncidentType, Incident, KnownOrder, ...THREAD_ENTITIES, HistoryEntry],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedIncidents,
  createLoaders,
  services: fileStoreOf,
  consumes: INCIDENTS_CONSUME,
  routes,
  housekeeping: ({ orm, files }) => deleteUnattachedUploads(orm.em.fork(), files),
};
