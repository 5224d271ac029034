import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { commitOrder } from './services/commitments.js';

/** What this subgraph learns from the ordering subgraph: the commitments to measure usage against. */
export const CONSUMPTION_CONSUME: ConsumerHandlers<'consumption'> = {
  [TOPICS.orderActivated]: (em, { payload }) => commitOrder(em, payload),
};
