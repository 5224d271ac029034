import { callerOf, type SubgraphContext } from '@nuage/shared';
import { readableRequest } from '../services/access';
import type { RequestsLoaders } from '../loaders';

/** Resolves other subgraphs' references to a request, for callers allowed to read it. */
export const resolveRequestReference = (reference: { id: string }, context: SubgraphContext<RequestsLoaders>) =>
  readableRequest(context.em, callerOf(context), reference.id).catch(() => null);
