import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to a solution (`{ id }`), batched. */
export const resolveSolutionReference = (reference: { id: string }, { loaders }: Context) =>
  loaders.solutionById.load(reference.id);
