import { FILE_STORE_SETTINGS, fileStoreOf, StoredFile } from '@nuage/files';
import type { SubgraphDefinition } from '@nuage/platform';
import { DocumentFields, MessageFields, THREAD_ENTITIES, deleteUnattachedUploads } from '@nuage/threads';
import { HistoryEntry, HistoryEntryFields, HistoryField } from '@nuage/history';
import { routes } from './routes.js';
import { resolveIncidentReference } from './resolvers/incident.reference.js';
import { Incident, IncidentType, KnownOrder, OrderReference } from './entities/index.js';
import { IncidentTypeLabels, IncidentTypeResolver } from './resolvers/incident-type.resolver.js';
import { IncidentResolver, OrderIncidentsResolver } from './resolvers/incident.resolver.js';
import { INCIDENTS_CONSUME } from './events.js';
import { createLoaders, type IncidentsLoaders, type IncidentsServices } from './loaders.js';
import { migrations } from './migrations/index.js';
import { resolveOrderReference } from './resolvers/order.reference.js';
import { seedIncidents } from './seed/index.js';

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
  entities: [StoredFile, IncidentType, Incident, KnownOrder, ...THREAD_ENTITIES, HistoryEntry],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedIncidents,
  createLoaders,
  settings: FILE_STORE_SETTINGS,
  services: fileStoreOf,
  consumes: INCIDENTS_CONSUME,
  routes,
  housekeeping: ({ orm, files }) => deleteUnattachedUploads(orm.em.fork(), files),
};
