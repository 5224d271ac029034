import { EntityReference } from '@nuage/platform';

/** The requests subgraph's entity, to which this subgraph adds its consumption settings. */
export const BeneficiaryEntityConsumption = EntityReference('BeneficiaryEntity', { resolvable: true });
export type BeneficiaryEntityConsumption = InstanceType<typeof BeneficiaryEntityConsumption>;
