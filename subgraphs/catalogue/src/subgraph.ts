import type { SubgraphDefinition } from '@nuage/shared';
import { Brand, Certification, Market, Solution } from './entities';
import { BrandResolver } from './resolvers/brand.resolver';
import { resolveBrandReference } from './resolvers/brand.reference';
import { SolutionResolver } from './resolvers/solution.resolver';
import { MarketResolver } from './resolvers/market.resolver';
import { resolveSolutionReference } from './resolvers/solution.reference';
import { createLoaders, type CatalogueLoaders } from './loaders';
import { migrations } from './migrations';
import { seedCatalogue } from './seed';

/** The catalogue: markets, brands, solutions, certifications. */
export const catalogue: SubgraphDefinition<CatalogueLoaders> = {
  name: 'catalogue',
  resolvers: [MarketResolver, BrandResolver, SolutionResolver],
  references: {
    Brand: { __resolveReference: resolveBrandReference },
    Solution: { __resolveReference: resolveSolutionReference },
  },
  entities: [Market, Brand, Solution, Certification],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedCatalogue,
  createLoaders,
};
