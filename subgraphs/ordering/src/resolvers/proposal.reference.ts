import { callerOf, type SubgraphContext } from '@nuage/shared';
import type { OrderingLoaders } from '../loaders';

/** Resolves other subgraphs' references to proposals, batched, only those the caller may read (null otherwise). */
export const resolveProposalReference = (ref: { id: string }, context: SubgraphContext<OrderingLoaders>) => {
  callerOf(context);
  return context.loaders.readableProposalById.load(ref.id);
};
