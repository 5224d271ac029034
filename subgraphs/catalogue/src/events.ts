import { TOPICS, type RequestSubmitted } from '@nuage/contracts';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import { addressGuidedChoice } from './services/guided-choice';

/** What this subgraph learns from the requests subgraph: which brands a guided choice's request was addressed to. */
export const CATALOGUE_CONSUME: Record<string, EventHandler> = {
  [TOPICS.requestSubmitted]: (em, { payload }: DeliveredEvent<RequestSubmitted>) => addressGuidedChoice(em, payload),
};
