import type { SubgraphDefinition } from '@nuage/shared';
import { SEED_BRANDS } from '@nuage/catalogue/seed-brands';
import { BeneficiaryEntity, Person } from './entities';
import { PersonResolver } from './resolvers/person.resolver';
import { resolvePersonReference } from './resolvers/person.reference';
import { BeneficiaryEntityResolver } from './resolvers/beneficiary-entity.resolver';
import { resolveBeneficiaryEntityReference } from './resolvers/beneficiary-entity.reference';
import { createLoaders, type RequestsLoaders } from './loaders';
import { migrations } from './migrations';
import { seedRequests } from './seed';

/** The buyer's workspace: entities, people (and, as issues land, projects and requests). */
export const requests: SubgraphDefinition<RequestsLoaders> = {
  name: 'requests',
  resolvers: [PersonResolver, BeneficiaryEntityResolver],
  references: {
    Person: { __resolveReference: resolvePersonReference },
    BeneficiaryEntity: { __resolveReference: resolveBeneficiaryEntityReference },
  },
  entities: [BeneficiaryEntity, Person],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: (em) => seedRequests(em, SEED_BRANDS),
  createLoaders,
};
