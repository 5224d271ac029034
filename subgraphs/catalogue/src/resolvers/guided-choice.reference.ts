import { callerOf } from '@nuage/platform';
import { findGuidedChoice } from '../services/guided-choice';
import type { Context } from '../loaders';

/** Resolves a request's reference to its recorded guided choice, with the caller's rights. */
export const resolveGuidedChoiceReference = (reference: { id: string }, context: Context) =>
  findGuidedChoice(context.em, callerOf(context), reference.id);
