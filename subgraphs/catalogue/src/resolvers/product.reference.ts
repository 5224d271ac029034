import type { SubgraphContext } from '@nuage/shared';
import type { CatalogueLoaders } from '../loaders';

/** Resolves other subgraphs' references to a product (`{ id }`), batched. */
export const resolveProductReference = (reference: { id: string }, { loaders }: SubgraphContext<CatalogueLoaders>) =>
  loaders.productById.load(reference.id);
