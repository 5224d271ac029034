import { ORDERING_TOPICS, type ActivationDisputed, type OrderPlaced } from '@nuage/contracts';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import { keepOrder, openFromActivation } from './services/incidents';

/** What this subgraph learns from the ordering subgraph: the orders, and the activation problems to open. */
export const INCIDENTS_CONSUME: Record<string, EventHandler> = {
  [ORDERING_TOPICS.orderPlaced]: (em, { payload }: DeliveredEvent<OrderPlaced>) => keepOrder(em, payload),
  [ORDERING_TOPICS.activationDisputed]: (em, { payload }: DeliveredEvent<ActivationDisputed>) =>
    openFromActivation(em, payload),
};
