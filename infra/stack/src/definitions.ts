import type { SubgraphDefinition } from '@nuage/platform';
import type { SubgraphName } from './paths.js';

/**
 * Loads one subgraph's definition, importing only that subgraph: a subgraph's process, the compose
 * step and the SDL printer load one; the test stack loads all five in one process (each schema is
 * built from its own resolvers).
 */
export async function loadDefinition(name: SubgraphName): Promise<SubgraphDefinition<unknown>> {
  const modules = {
    catalogue: () => import('@nuage/catalogue').then((m) => m.catalogue),
    requests: () => import('@nuage/requests').then((m) => m.requests),
    ordering: () => import('@nuage/ordering').then((m) => m.ordering),
    incidents: () => import('@nuage/incidents').then((m) => m.incidents),
    consumption: () => import('@nuage/consumption').then((m) => m.consumption),
  } satisfies Record<SubgraphName, () => Promise<unknown>>;
  return (await modules[name]()) as SubgraphDefinition<unknown>;
}
