import type { Context } from '../loaders.js';

/** How other subgraphs' references to a brand (`{ id }`) are resolved: batched by DataLoader. */
export const resolveBrandReference = (reference: { id: string }, { loaders }: Context) =>
  loaders.brandById.load(reference.id);
