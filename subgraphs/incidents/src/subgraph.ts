import { fileStoreOf } from '@nuage/files';
import { callerOf, type SubgraphDefinition } from '@nuage/platform';
import { DocumentFields, MessageFields, THREAD_ENTITIES, threadRoutes, deleteUnattachedUploads } from '@nuage/threads';
import { HistoryEntry, HistoryEntryFields, HistoryField } from '@nuage/history';
import { incidentThread } from './services/incidents';
import { incidentsFor } from './services/access';
import { Incident, IncidentType, KnownOrder, OrderReference } from './entities';
import { IncidentTypeLabels, IncidentTypeResolver } from './resolvers/incident-type.resolver';
import { IncidentResolver, OrderIncidentsResolver } from './resolvers/incident.resolver';
import { INCIDENTS_CONSUME } from './services/events';
import { createLoaders, type IncidentsLoaders, type IncidentsServices } from './loaders';
import { migrations } from './migrations';
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
    Order: { __resolveReference: (reference: { id: string }) => OrderReference.of(reference.id) },
    Incident: {
      __resolveReference: (reference: { id: string }, context) =>
        incidentsFor(context.em, callerOf(context)).findOne({ id: reference.id }),
    },
  },
  entities: [IncidentType, Incident, KnownOrder, ...THREAD_ENTITIES, HistoryEntry],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedIncidents,
  createLoaders,
  services: fileStoreOf,
  consumes: INCIDENTS_CONSUME,
  routes: ({ orm, files, secret }) => [...threadRoutes('incidents', orm, files, secret, incidentThread)],
  housekeeping: ({ orm, files }) => deleteUnattachedUploads(orm.em.fork(), files),
};
