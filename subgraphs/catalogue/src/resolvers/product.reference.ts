import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to a product (`{ id }`), batched. */
export const resolveProductReference = (reference: { id: string }, { loaders }: Context) =>
  loaders.productById.load(reference.id);
