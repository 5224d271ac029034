import type { SubgraphDefinition } from '@nuage/shared';
import { AlertSettings, BeneficiaryEntityConsumption } from './entities';
import { BeneficiaryEntityConsumptionResolver } from './resolvers/beneficiary-entity.resolver';
import { resolveBeneficiaryEntityReference } from './resolvers/beneficiary-entity.reference';
import { migrations } from './migrations';

/** Consumption: usage, commitments, forecasts and alerts (alert settings so far). */
export const consumption: SubgraphDefinition<Record<string, never>> = {
  name: 'consumption',
  resolvers: [BeneficiaryEntityConsumptionResolver],
  // Reached only through federation's _entities, so it must be declared.
  orphanedTypes: [BeneficiaryEntityConsumption],
  references: { BeneficiaryEntity: { __resolveReference: resolveBeneficiaryEntityReference } },
  entities: [AlertSettings],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders: () => ({}),
};
