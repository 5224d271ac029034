import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { invalid, paginate, todayInParis, type PageArgs, subquery } from '@nuage/platform';
import { Brand, Certification, Solution } from '../entities/index.js';
import { escapeLike } from './text.js';

export interface BrandCriteria {
  /** Words in the brand's name, tagline or description, or in one of its solutions'. */
  text?: string;
  /** Only brands with at least one solution holding this certification on `asOf`. */
  certification?: string;
  /** Only brands covering this service category (brand-wide or through a solution). */
  serviceCategory?: string;
  extraEuLegislation?: boolean;
  asOf?: string;
}

/** A certification valid on a given day. */
export const validOn = (day: string): FilterQuery<Certification> => ({
  $and: [
    { $or: [{ validFrom: null }, { validFrom: { $lte: day } }] },
    { $or: [{ validTo: null }, { validTo: { $gte: day } }] },
  ],
});

function searchedText(criteria: { text?: string }): string | undefined {
  if (criteria.text === undefined) return undefined;
  const text = criteria.text.trim();
  if (text.length < 2)
    throw invalid('filter.text', {
      fr: 'Tapez au moins 2 caractères pour chercher.',
      en: 'Type at least 2 characters to search.',
    });
  return `%${escapeLike(text)}%`;
}

/** Ids of the solutions holding a certification on a day (a subquery). */
const certifiedSolutions = (em: EntityManager, code: string, day: string) =>
  em
    .createQueryBuilder(Certification, 'c')
    .select('c.solution')
    .where({ $and: [{ code }, validOn(day)] } as never);

/** Brands matching the criteria, a page at a time, in name order. */
export async function findBrands(em: EntityManager, criteria: BrandCriteria, page: PageArgs) {
  const where: FilterQuery<Brand>[] = [];
  const like = searchedText(criteria);
  if (like !== undefined) {
    const solutionBrands = em
      .createQueryBuilder(Solution, 's')
      .select('s.brand')
      .where({ $or: [{ name: { $ilike: like } }, { description: { $ilike: like } }] });
    where.push({
      $or: [
        { name: { $ilike: like } },
        { tagline: { $ilike: like } },
        { description: { $ilike: like } },
        { id: { $in: subquery(solutionBrands) } },
      ],
    });
  }
  if (criteria.extraEuLegislation !== undefined) where.push({ extraEuLegislation: criteria.extraEuLegislation });
  if (criteria.certification !== undefined) {
    const certified = em
      .createQueryBuilder(Solution, 's')
      .select('s.brand')
      .where({
        id: { $in: subquery(certifiedSolutions(em, criteria.certification, criteria.asOf ?? todayInParis())) },
      });
    where.push({ id: { $in: subquery(certified) } });
  }
  if (criteria.serviceCategory !== undefined) {
    const covering = em
      .createQueryBuilder(Solution, 's')
      .select('s.brand')
      .where({ serviceCategories: { $contains: [criteria.serviceCategory] } });
    where.push({ $or: [{ services: { $contains: [criteria.serviceCategory] } }, { id: { $in: subquery(covering) } }] });
  }
  return paginate(em, Brand, where.length ? { $and: where } : {}, [{ name: 'asc' }, { id: 'asc' }], page);
}

export interface SolutionCriteria extends BrandCriteria {
  brandId?: string;
  /** Withdrawn solutions too (false by default). */
  includeRetired?: boolean;
}

/**
 * Solutions matching the criteria, a page at a time, in name order. A service the brand provides
 * brand-wide (a marketplace, training) counts for each of its solutions, as in the evaluation.
 */
export async function findSolutions(em: EntityManager, criteria: SolutionCriteria, page: PageArgs) {
  const where: FilterQuery<Solution>[] = [];
  if (!criteria.includeRetired) where.push({ retiredAt: null });
  if (criteria.brandId !== undefined) where.push({ brand: criteria.brandId });
  const like = searchedText(criteria);
  if (like !== undefined)
    where.push({
      $or: [{ name: { $ilike: like } }, { description: { $ilike: like } }, { brand: { name: { $ilike: like } } }],
    });
  if (criteria.extraEuLegislation !== undefined)
    where.push({ brand: { extraEuLegislation: criteria.extraEuLegislation } });
  if (criteria.certification !== undefined)
    where.push({
      id: { $in: subquery(certifiedSolutions(em, criteria.certification, criteria.asOf ?? todayInParis())) },
    });
  if (criteria.serviceCategory !== undefined) {
    where.push({
      $or: [
        { serviceCategories: { $contains: [criteria.serviceCategory] } },
        { brand: { services: { $contains: [criteria.serviceCategory] } } },
      ],
    });
  }
  return paginate(em, Solution, where.length ? { $and: where } : {}, [{ name: 'asc' }, { id: 'asc' }], page);
}
