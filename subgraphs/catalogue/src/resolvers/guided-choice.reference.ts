import { callerOf } from '@nuage/platform';
import { findGuidedChoice } from '../services/guided-choice.js';
import type { Context } from '../loaders.js';

/** Resolves a request's reference to its recorded guided choice, with the caller's rights. */
export const resolveGuidedChoiceReference = (reference: { id: string }, context: Context) =>
  findGuidedChoice(context.em, callerOf(context), reference.id);
