import {
  callerOf,
  DocumentFields,
  HistoryEntry,
  HistoryEntryFields,
  HistoryField,
  MessageFields,
  THREAD_ENTITIES,
  threadRoutes,
  deleteUnattachedUploads,
  type SubgraphDefinition,
} from '@nuage/shared';
import { incidentThread, readableIncident } from './services/incidents';
import { Incident, IncidentType, KnownOrder, OrderReference } from './entities';
import { IncidentTypeLabels, IncidentTypeResolver } from './resolvers/incident-type.resolver';
import { IncidentResolver, OrderIncidentsResolver } from './resolvers/incident.resolver';
import { INCIDENTS_CONSUME } from './services/events';
import { createLoaders, type IncidentsLoaders } from './loaders';
import { migrations } from './migrations';
import { seedIncidents } from './seed';

/** Incidents and disputes on orders and activations. */
export const incidents: SubgraphDefinition<IncidentsLoaders> = {
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
        readableIncident(context.em, callerOf(context), reference.id).catch(() => null),
    },
  },
  entities: [IncidentType, Incident, KnownOrder, ...THREAD_ENTITIES, HistoryEntry],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedIncidents,
  createLoaders,
  consumes: INCIDENTS_CONSUME,
  routes: ({ orm, files, secret }) => [...threadRoutes('incidents', orm, files, secret, incidentThread)],
  housekeeping: ({ orm, files }) => deleteUnattachedUploads(orm.em.fork(), files),
};
