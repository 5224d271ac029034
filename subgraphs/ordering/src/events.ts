import {
  INCIDENT_TOPICS,
  TOPICS,
  type IncidentClosed,
  type IncidentOpened,
  type RequestCancelled,
  type RequestSubmitted,
} from '@nuage/contracts';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import { noteIncidentClosed, noteIncidentOpened } from './services/order-incidents';
import { closeSolicitations, openSolicitations } from './services/solicitations';

/** What this subgraph learns from the others: requests to answer, and incidents that dispute orders. */
export const ORDERING_CONSUME: Record<string, EventHandler> = {
  [TOPICS.requestSubmitted]: (em, { payload }: DeliveredEvent<RequestSubmitted>) => openSolicitations(em, payload),
  [TOPICS.requestCancelled]: (em, { payload }: DeliveredEvent<RequestCancelled>) =>
    closeSolicitations(em, payload.requestId),
  [INCIDENT_TOPICS.incidentOpened]: (em, { payload }: DeliveredEvent<IncidentOpened>) =>
    noteIncidentOpened(em, payload),
  [INCIDENT_TOPICS.incidentClosed]: (em, { payload }: DeliveredEvent<IncidentClosed>) =>
    noteIncidentClosed(em, payload),
};
