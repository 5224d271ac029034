import { callerOf, type SubgraphContext } from '@nuage/shared';
import type { OrderingLoaders } from '../loaders';

/** Resolves other subgraphs' references to orders, batched, only those the caller may see (null otherwise). */
export const resolveOrderReference = (ref: { id: string }, context: SubgraphContext<OrderingLoaders>) => {
  callerOf(context);
  return context.loaders.readableOrderById.load(ref.id);
};
