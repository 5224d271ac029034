import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { keepOrder, openFromActivation } from './services/incidents.js';

/** What this subgraph learns from the ordering subgraph: the orders, and the activation problems to open. */
export const INCIDENTS_CONSUME: ConsumerHandlers<'incidents'> = {
  [TOPICS.orderPlaced]: (em, { payload }) => keepOrder(em, payload),
  [TOPICS.activationDisputed]: (em, { payload }) => openFromActivation(em, payload),
};
