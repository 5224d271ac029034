import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { commitOrder, creditLines } from './services/commitments.js';

/** What this subgraph learns from the ordering subgraph: the commitments to measure usage against, and the credits granted on them. */
export const CONSUMPTION_CONSUME: ConsumerHandlers<'consumption'> = {
  [TOPICS.orderActivated]: (em, { payload }) => commitOrder(em, payload),
  [TOPICS.creditNoteIssued]: (em, { payload }) => creditLines(em, payload),
};
