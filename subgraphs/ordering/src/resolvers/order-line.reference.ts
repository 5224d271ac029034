import { callerOf, type SubgraphContext } from '@nuage/shared';
import type { OrderingLoaders } from '../loaders';

/** Resolves other subgraphs' references to order lines (consumption's alerts), batched, only lines of orders the caller may see. */
export const resolveOrderLineReference = (ref: { id: string }, context: SubgraphContext<OrderingLoaders>) => {
  callerOf(context);
  return context.loaders.readableOrderLineById.load(ref.id);
};
