import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { noteIncidentClosed, noteIncidentOpened } from './services/order-incidents.js';
import { keepBrand, keepMarket } from './services/parties.js';
import { closeSolicitations, openSolicitations } from './services/solicitations.js';

/**
 * What this subgraph learns from the others: the parties its documents name, requests to answer,
 * and incidents that dispute orders (and suspend their invoices).
 */
export const ORDERING_CONSUME: ConsumerHandlers<'ordering'> = {
  [TOPICS.brandChanged]: (em, { payload }) => keepBrand(em, payload),
  [TOPICS.marketChanged]: (em, { payload }) => keepMarket(em, payload),
  [TOPICS.requestSubmitted]: (em, { payload }) => openSolicitations(em, payload),
  [TOPICS.requestCancelled]: (em, { payload }) => closeSolicitations(em, payload.requestId),
  [TOPICS.incidentOpened]: (em, { payload }) => noteIncidentOpened(em, payload),
  [TOPICS.incidentClosed]: (em, { payload }) => noteIncidentClosed(em, payload),
};
