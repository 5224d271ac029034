import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { keepOrder, openFromActivation, resolveWithCredit } from './services/incidents.js';

/** What this subgraph learns from the ordering subgraph: the orders, the activation problems to open, the credit notes that resolve incidents. */
export const INCIDENTS_CONSUME: ConsumerHandlers<'incidents'> = {
  [TOPICS.orderPlaced]: (em, { payload }) => keepOrder(em, payload),
  [TOPICS.activationDisputed]: (em, { payload }) => openFromActivation(em, payload),
  [TOPICS.creditNoteIssued]: (em, { payload }) => resolveWithCredit(em, payload),
};
