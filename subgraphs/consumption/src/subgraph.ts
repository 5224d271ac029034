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
import { BeneficiaryEntityConsumptionResolver } from './resolvers/beneficiary-entity.resolver';
import { resolveBeneficiaryEntityReference } from './resolvers/beneficiary-entity.reference';
import {
  OrderConsumptionResolver,
  OrderLineConsumptionResolver,
  RequestConsumptionResolver,
  UsageResolver,
} from './resolvers/consumption.resolver';
import { CONSUMPTION_CONSUME } from './services/events';
import { createLoaders, type ConsumptionLoaders } from './loaders';
import { migrations } from './migrations';

/** Consumption: usage pushed by suppliers, commitments, figures and forecasts, alerts, market-wide spend. */
export const consumption: SubgraphDefinition<ConsumptionLoaders> = {
  name: 'consumption',
  resolvers: [
    BeneficiaryEntityConsumptionResolver,
    UsageResolver,
    OrderLineConsumptionResolver,
    OrderConsumptionResolver,
    RequestConsumptionResolver,
  ],
  // Reached only through federation's _entities, so they must be declared.
  orphanedTypes: [BeneficiaryEntityConsumption, OrderReference, OrderLineReference, RequestReference],
  references: {
    BeneficiaryEntity: { __resolveReference: resolveBeneficiaryEntityReference },
    Order: { __resolveReference: (reference: { id: string }) => OrderReference.of(reference.id) },
    OrderLine: { __resolveReference: (reference: { id: string }) => OrderLineReference.of(reference.id) },
    Request: { __resolveReference: (reference: { id: string }) => RequestReference.of(reference.id) },
  },
  entities: [AlertSettings, Commitment, UsageLine, UsageMonth, ConsumptionAlert],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders,
  consumes: CONSUMPTION_CONSUME,
};
