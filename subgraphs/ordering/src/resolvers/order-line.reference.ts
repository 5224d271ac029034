import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to order lines (consumption's alerts), batched, only lines of orders the caller may see. */
export const resolveOrderLineReference = (ref: { id: string }, context: Context) => {
  callerOf(context);
  return context.loaders.readableOrderLineById.load(ref.id);
};
