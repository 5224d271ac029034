import type { SubgraphRuntime } from '@nuage/platform';
import { threadRoutes } from '@nuage/threads';
import type { IncidentsServices } from './loaders.js';
import { incidentThread } from './services/incidents.js';

/** What incidents serves besides GraphQL: its threads' uploads and downloads. */
export const routes = ({ orm, files, identityKeys }: SubgraphRuntime<IncidentsServices>) =>
  threadRoutes('incidents', orm, files, identityKeys, incidentThread);
