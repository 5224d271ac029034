import type { Context } from '../loaders';

/** How other subgraphs' references to a brand (`{ id }`) are resolved: batched by DataLoader. */
export const resolveBrandReference = (reference: { id: string }, { loaders }: Context) =>
  loaders.brandById.load(reference.id);
