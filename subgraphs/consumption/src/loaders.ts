import type { SubgraphContext } from '@nuage/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Commitment } from './entities/index.js';
import { figuresLoader } from './services/figures.js';

/** Commitments grouped by a key (order, request, entity), one statement per batch. */
function commitmentsBy(em: EntityManager, key: 'orderId' | 'requestId' | 'entityId' | 'orderLineId') {
  return new DataLoader<string, Commitment[]>(async (ids) => {
    const rows = await em.find(Commitment, { [key]: { $in: [...ids] } }, { orderBy: { orderLineId: 'asc' } });
    return ids.map((id) => rows.filter((r) => r[key] === id));
  });
}

export function createLoaders(em: EntityManager) {
  return {
    figures: figuresLoader(em),
    commitmentsByLine: commitmentsBy(em, 'orderLineId'),
    commitmentsByOrder: commitmentsBy(em, 'orderId'),
    commitmentsByRequest: commitmentsBy(em, 'requestId'),
    commitmentsByEntity: commitmentsBy(em, 'entityId'),
  };
}
export type ConsumptionLoaders = ReturnType<typeof createLoaders>;

/** What this subgraph's resolvers receive: the platform's context with these loaders. */
export type Context = SubgraphContext<ConsumptionLoaders>;
