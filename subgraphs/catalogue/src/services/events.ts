import { TOPICS, type RequestSubmitted } from '@nuage/contracts';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import { GuidedChoice } from '../entities';

/** What this subgraph learns from the requests subgraph: which brands a guided choice's request was addressed to. */
export const CATALOGUE_CONSUME: Record<string, EventHandler> = {
  [TOPICS.requestSubmitted]: async (em, { payload }: DeliveredEvent<RequestSubmitted>) => {
    if (!payload.guidedChoiceId) return;
    const choice = await em.findOne(GuidedChoice, { id: payload.guidedChoiceId });
    if (!choice) return;
    choice.addressedBrandIds = [...new Set([...choice.addressedBrandIds, ...payload.brands.map((b) => b.brandId)])];
  },
};
