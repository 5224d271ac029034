import type { SubgraphContext } from '@nuage/shared';
import type { RequestsLoaders } from '../loaders';

/** Resolves other subgraphs' references to requests, batched, for callers allowed to read them (null otherwise). */
export const resolveRequestReference = (reference: { id: string }, context: SubgraphContext<RequestsLoaders>) =>
  context.loaders.readableRequestById.load(reference.id);
