import type { SubgraphDefinition } from '@nuage/shared';
import { Order } from './entities';
import { OrderResolver } from './resolvers/order.resolver';
import { resolveOrderReference } from './resolvers/order.reference';
import { migrations } from './migrations';

/** Ordering: proposals, subscription orders, orders, activation, invoices (orders so far). */
export const ordering: SubgraphDefinition<Record<string, never>> = {
  name: 'ordering',
  resolvers: [OrderResolver],
  references: { Order: { __resolveReference: resolveOrderReference } },
  entities: [Order],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders: () => ({}),
};
