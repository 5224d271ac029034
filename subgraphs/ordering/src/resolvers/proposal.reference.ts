import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to proposals, batched, only those the caller may read (null otherwise). */
export const resolveProposalReference = (ref: { id: string }, context: Context) => {
  callerOf(context);
  return context.loaders.readableProposalById.load(ref.id);
};
