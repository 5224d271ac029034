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
} from './entities/index.js';
// The resolvers' import order is the schema's field order (kept as it was).
import { UsageResolver } from './resolvers/usage.resolver.js';
import { UsageLineResolver } from './resolvers/usage-line.resolver.js';
import { ConsumptionAlertResolver } from './resolvers/consumption-alert.resolver.js';
import { SpendResolver } from './resolvers/spend.resolver.js';
import { resolveBeneficiaryEntityReference } from './resolvers/beneficiary-entity.reference.js';
import {
  OrderConsumptionResolver,
  OrderLineConsumptionResolver,
  RequestConsumptionResolver,
} from './resolvers/consumption.resolver.js';
import { BeneficiaryEntityConsumptionResolver } from './resolvers/beneficiary-entity.resolver.js';
import { CONSUMPTION_CONSUME } from './events.js';
import { createLoaders, type ConsumptionLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { resolveRequestReference } from './resolvers/request.reference.js';
import { resolveOrderLineReference } from './resolvers/order-line.reference.js';
import { resolveOrderReference } from './resolvers/order.reference.js';

/** Consumption: usage pushed by suppliers, commitments, figures and forecasts, alerts, market-wide spend. */
export const consumption: SubgraphDefinition<ConsumptionLoaders> = {
  name: 'consumption',
  resolvers: [
    BeneficiaryEntityConsumptionResolver,
    UsageResolver,
    UsageLineResolver,
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
