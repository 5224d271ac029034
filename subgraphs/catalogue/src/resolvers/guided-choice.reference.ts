import { callerOf, type SubgraphContext } from '@nuage/shared';
import { findGuidedChoice } from '../services/guided-choice';
import type { CatalogueLoaders } from '../loaders';

/** Resolves a request's reference to its recorded guided choice, with the caller's rights. */
export const resolveGuidedChoiceReference = (reference: { id: string }, context: SubgraphContext<CatalogueLoaders>) =>
  findGuidedChoice(context.em, callerOf(context), reference.id);
