import { TOPICS } from '@nuage/contracts';
import type { ConsumerHandlers } from '@nuage/platform';
import { noteIncidentClosed, noteIncidentOpened } from './services/order-incidents.js';
import { closeSolicitations, openSolicitations } from './services/solicitations.js';

/** What this subgraph learns from the others: requests to answer, and incidents that dispute orders. */
export const ORDERING_CONSUME: ConsumerHandlers<'ordering'> = {
  [TOPICS.requestSubmitted]: (em, { payload }) => openSolicitations(em, payload),
  [TOPICS.requestCancelled]: (em, { payload }) => closeSolicitations(em, payload.requestId),
  [TOPICS.incidentOpened]: (em, { payload }) => noteIncidentOpened(em, payload),
  [TOPICS.incidentClosed]: (em, { payload }) => noteIncidentClosed(em, payload),
};
