import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderByParent, type SubgraphContext } from '@nuage/platform';
import { Brand, Certification, Market, Product, QuestionOption, Solution } from './entities/index.js';

/** Per-request batching: a page of N brands costs the same few statements as one brand. */
export function createLoaders(em: EntityManager) {
  return {
    brandById: loaderById(em, Brand),
    marketById: loaderById(em, Market),
    productById: loaderById(em, Product),
    solutionById: loaderById(em, Solution),
    solutionsByBrand: loaderByParent(em, Solution, 'brand', { name: 'asc', id: 'asc' }),
    optionsByQuestion: loaderByParent(em, QuestionOption, 'question', { position: 'asc', id: 'asc' }),
    productsBySolution: loaderByParent(em, Product, 'solution', { code: 'asc', id: 'asc' }),
    certificationsBySolution: loaderByParent(em, Certification, 'solution', { code: 'asc', id: 'asc' }),
  };
}
export type CatalogueLoaders = ReturnType<typeof createLoaders>;

/** What this subgraph's resolvers receive: the platform's context with these loaders. */
export type Context = SubgraphContext<CatalogueLoaders>;
