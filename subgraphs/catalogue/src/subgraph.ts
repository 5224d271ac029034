import type { SubgraphDefinition } from '@nuage/platform';
import {
  Brand,
  CatalogueChange,
  Certification,
  GuidedChoice,
  Market,
  Product,
  Question,
  QuestionOption,
  Solution,
} from './entities';
import { BrandResolver } from './resolvers/brand.resolver';
import { resolveBrandReference } from './resolvers/brand.reference';
import { SolutionResolver } from './resolvers/solution.resolver';
import { resolveSolutionReference } from './resolvers/solution.reference';
import { MarketResolver } from './resolvers/market.resolver';
import { ProductResolver } from './resolvers/product.resolver';
import { QuestionLabels, QuestionOptionLabels, QuestionResolver } from './resolvers/questionnaire.resolver';
import {
  GuidedChoiceEvaluationResolver,
  GuidedChoiceExclusionFields,
  GuidedChoiceMatchFields,
  GuidedChoiceResolver,
} from './resolvers/guided-choice.resolver';
import { resolveGuidedChoiceReference } from './resolvers/guided-choice.reference';
import { resolveProductReference } from './resolvers/product.reference';
import { CatalogueChangeResolver } from './resolvers/catalogue-change.resolver';
import { routes } from './routes';
import { createLoaders, type CatalogueLoaders } from './loaders';
import { migrations } from './migrations';
import { seedCatalogue } from './seed';
import { CATALOGUE_CONSUME } from './events';

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
  entities: [Market, Brand, Solution, Certification, Product, Question, QuestionOption, CatalogueChange, GuidedChoice],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: seedCatalogue,
  createLoaders,
  routes,
  consumes: CATALOGUE_CONSUME,
};
