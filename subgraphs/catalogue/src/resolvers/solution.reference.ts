import type { Context } from '../loaders';

/** Resolves other subgraphs' references to a solution (`{ id }`), batched. */
export const resolveSolutionReference = (reference: { id: string }, { loaders }: Context) =>
  loaders.solutionById.load(reference.id);
