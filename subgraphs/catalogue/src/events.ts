import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { addressGuidedChoice } from './services/guided-choice.js';

/** What this subgraph learns from the requests subgraph: which brands a guided choice's request was addressed to. */
export const CATALOGUE_CONSUME: ConsumerHandlers<'catalogue'> = {
  [TOPICS.requestSubmitted]: (em, { payload }) => addressGuidedChoice(em, payload),
};
