import type { SubgraphContext } from '@nuage/shared';
import type { CatalogueLoaders } from '../loaders';

/** How other subgraphs' references to a brand (`{ id }`) are resolved: batched by DataLoader. */
export const resolveBrandReference = (reference: { id: string }, { loaders }: SubgraphContext<CatalogueLoaders>) =>
  loaders.brandById.load(reference.id);
