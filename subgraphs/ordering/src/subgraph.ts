import type { SubgraphDefinition } from '@nuage/shared';
import { DashboardReference, Order, Solicitation } from './entities';
import { OrderResolver } from './resolvers/order.resolver';
import { resolveOrderReference } from './resolvers/order.reference';
import { SolicitationResolver } from './resolvers/solicitation.resolver';
import { DashboardResolver } from './resolvers/dashboard.resolver';
import { ORDERING_CONSUME } from './services/solicitations';
import { migrations } from './migrations';

/** Ordering: solicitations, proposals, subscription orders, orders, activation, invoices (orders and solicitations so far). */
export const ordering: SubgraphDefinition<Record<string, never>> = {
  name: 'ordering',
  resolvers: [OrderResolver, SolicitationResolver, DashboardResolver],
  orphanedTypes: [DashboardReference],
  references: {
    Order: { __resolveReference: resolveOrderReference },
    Dashboard: { __resolveReference: (reference: { id: string }) => DashboardReference.of(reference.id) },
  },
  entities: [Order, Solicitation],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders: () => ({}),
  consumes: ORDERING_CONSUME,
};
