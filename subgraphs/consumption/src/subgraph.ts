import type { SubgraphDefinition } from '@nuage/platform';
import {
  AlertSettings,
  BeneficiaryEntityConsumption,
  Commitment,
  ConsumptionAlert,
  OrderLineReference,
  OrderReference,
  RequestReference,
  UsageLine,
  UsageMonth,
} from './entities';
// The resolvers' import order is the schema's field order (kept as it was).
import { UsageResolver } from './resolvers/usage.resolver';
import { ConsumptionAlertResolver } from './resolvers/consumption-alert.resolver';
import { SpendResolver } from './resolvers/spend.resolver';
import { resolveBeneficiaryEntityReference } from './resolvers/beneficiary-entity.reference';
import {
  OrderConsumptionResolver,
  OrderLineConsumptionResolver,
  RequestConsumptionResolver,
} from './resolvers/consumption.resolver';
import { BeneficiaryEntityConsumptionResolver } from './resolvers/beneficiary-entity.resolver';
import { CONSUMPTION_CONSUME } from './events';
import { createLoaders, type ConsumptionLoaders } from './loaders';
import { migrations } from './migrations';
import { resolveRequestReference } from './resolvers/request.reference';
import { resolveOrderLineReference } from './resolvers/order-line.reference';
import { resolveOrderReference } from './resolvers/order.reference';

/** Consumption: usage pushed by suppliers, commitments, figures and forecasts, alerts, market-wide spend. */
export const consumption: SubgraphDefinition<ConsumptionLoaders> = {
  name: 'consumption',
  resolvers: [
    BeneficiaryEntityConsumptionResolver,
    UsageResolver,
    ConsumptionAlertResolver,
    SpendResolver,
    OrderLineConsumptionResolver,
    OrderConsumptionResolver,
    RequestConsumptionResolver,
  ],
  // Reached only through federation's _entities, so they must be declared.
  orphanedTypes: [BeneficiaryEntityConsumption, OrderReference, OrderLineReference, RequestReference],
  references: {
    BeneficiaryEntity: { __resolveReference: resolveBeneficiaryEntityReference },
    Order: { __resolveReference: resolveOrderReference },
    OrderLine: { __resolveReference: resolveOrderLineReference },
    Request: { __resolveReference: resolveRequestReference },
  },
  entities: [AlertSettings, Commitment, UsageLine, UsageMonth, ConsumptionAlert],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders,
  consumes: CONSUMPTION_CONSUME,
};
