import { ORDERING_TOPICS, type ActivationDisputed, type OrderPlaced } from '@nuage/contracts';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import { KnownOrder } from '../entities';
import { openFromActivation } from './incidents';

/** What this subgraph learns from the ordering subgraph. */
export const INCIDENTS_CONSUME: Record<string, EventHandler> = {
  [ORDERING_TOPICS.orderPlaced]: async (em, { payload }: DeliveredEvent<OrderPlaced>) => {
    if (!(await em.findOne(KnownOrder, { id: payload.orderId })))
      em.persist(
        em.create(KnownOrder, {
          id: payload.orderId,
          reference: payload.reference,
          requestId: payload.requestId ?? null,
          entityId: payload.entityId,
          brandId: payload.brandId,
        }),
      );
  },
  [ORDERING_TOPICS.activationDisputed]: (em, { payload }: DeliveredEvent<ActivationDisputed>) =>
    openFromActivation(em, payload),
};
