import type { SubgraphDefinition } from '@nuage/platform';
import {
  Brand,
  CatalogueChange,
  CatalogueVersion,
  Certification,
  GuidedChoice,
  Market,
  Product,
  Question,
  QuestionOption,
  Solution,
} from './entities/index.js';
import { BrandResolver } from './resolvers/brand.resolver.js';
import { resolveBrandReference } from './resolvers/brand.reference.js';
import { SolutionResolver } from './resolvers/solution.resolver.js';
import { resolveSolutionReference } from './resolvers/solution.reference.js';
import { MarketResolver } from './resolvers/market.resolver.js';
import { ProductResolver } from './resolvers/product.resolver.js';
import { QuestionLabels, QuestionOptionLabels, QuestionResolver } from './resolvers/questionnaire.resolver.js';
import {
  GuidedChoiceEvaluationResolver,
  GuidedChoiceExclusionFields,
  GuidedChoiceMatchFields,
  GuidedChoiceResolver,
} from './resolvers/guided-choice.resolver.js';
import { resolveGuidedChoiceReference } from './resolvers/guided-choice.reference.js';
import { resolveProductReference } from './resolvers/product.reference.js';
import { CatalogueChangeResolver } from './resolvers/catalogue-change.resolver.js';
import { routes } from './routes.js';
import { createLoaders, type CatalogueLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { seedCatalogue } from './seed/index.js';
import { CATALOGUE_CONSUME } from './events.js';

/** The catalogue: markets, brands, solutions, certifications, price list, questionnaire and guided choices. */
export const catalogue: SubgraphDefinition<CatalogueLoaders> = {
  name: 'catalogue',
  resolvers: [
    MarketResolver,
    BrandResolver,
    SolutionResolver,
    ProductResolver,
    QuestionResolver,
    QuestionLabels,
    QuestionOptionLabels,
    GuidedChoiceEvaluationResolver,
    GuidedChoiceMatchFields,
    GuidedChoiceExclusionFields,
    GuidedChoiceResolver,
    CatalogueChangeResolver,
  ],
  references: {
    Brand: { __resolveReference: resolveBrandReference },
    Solution: { __resolveReference: resolveSolutionReference },
    GuidedChoice: { __resolveReference: resolveGuidedChoiceReference },
    Product: { __resolveReference: resolveProductReference },
  },
  entities: [
    Market,
    Brand,
    Solution,
    Certification,
    Product,
    Question,
    QuestionOption,
    CatalogueChange,
    GuidedChoice,
    CatalogueVersion,
  ],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedCatalogue,
  createLoaders,
  routes,
  consumes: CATALOGUE_CONSUME,
};
