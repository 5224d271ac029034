import { callerOf, type SubgraphContext } from '@nuage/shared';
import { Order } from '../entities';
import { visibleOrders } from '../services/orders';

/** Resolves other subgraphs' references to an order, only when the caller may see it. */
export const resolveOrderReference = (ref: { id: string }, context: SubgraphContext) =>
  context.em.findOne(Order, { $and: [{ id: ref.id }, visibleOrders(callerOf(context))] });
