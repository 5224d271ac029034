import { ORDERING_TOPICS, type OrderActivated } from '@nuage/contracts';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import { commitOrder } from './services/commitments';

/** What this subgraph learns from the ordering subgraph: the commitments to measure usage against. */
export const CONSUMPTION_CONSUME: Record<string, EventHandler> = {
  [ORDERING_TOPICS.orderActivated]: (em, { payload }: DeliveredEvent<OrderActivated>) => commitOrder(em, payload),
};
