import type { SubgraphContext } from '@nuage/shared';
import type { CatalogueLoaders } from '../loaders';

/** Resolves other subgraphs' references to a solution (`{ id }`), batched. */
export const resolveSolutionReference = (reference: { id: string }, { loaders }: SubgraphContext<CatalogueLoaders>) =>
  loaders.solutionById.load(reference.id);
