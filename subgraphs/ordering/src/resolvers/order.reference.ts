import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to orders, batched, only those the caller may see (null otherwise). */
export const resolveOrderReference = (ref: { id: string }, context: Context) => {
  callerOf(context);
  return context.loaders.readableOrderById.load(ref.id);
};
