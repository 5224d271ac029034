import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { isMarketWide, paginate, Role, type Identity, type PageArgs } from '@nuage/shared';
import { Order } from '../entities';

/** The orders a caller may see: its entity's, its brand's, or all for market-wide staff. */
export function visibleOrders(caller: Identity): FilterQuery<Order> {
  if (isMarketWide(caller)) return {};
  if (caller.role === Role.SUPPLIER) return { brandId: caller.brandId };
  return { entityId: caller.entityId };
}

/** The caller's orders, newest first. */
export function listOrders(em: EntityManager, caller: Identity, page: PageArgs) {
  return paginate(em, Order, visibleOrders(caller), [{ placedAt: 'desc' }, { id: 'desc' }], page);
}
