import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Dec, invalid, paginate, toCents, type PageArgs } from '@nuage/platform';
import type Decimal from 'decimal.js';
import { Brand, Product } from '../entities/index.js';
import { escapeLike } from './text.js';

export interface ProductCriteria {
  /** Only this brand's products. */
  brandId?: string;
  /** Words in the brand's name ("Par marque"). */
  brand?: string;
  /** The start of the reference ("Par référence"), e.g. "1458". */
  reference?: string;
  /** Words in the designation ("Par désignation"). */
  designation?: string;
  solutionId?: string;
  /** Withdrawn products too (false by default). */
  includeRetired?: boolean;
}

/** Products matching the criteria, a page at a time, in reference order. */
export function findProducts(em: EntityManager, criteria: ProductCriteria, page: PageArgs) {
  const where: FilterQuery<Product>[] = [];
  if (!criteria.includeRetired) where.push({ retiredAt: null });
  if (criteria.brandId !== undefined) where.push({ brand: criteria.brandId });
  if (criteria.solutionId !== undefined) where.push({ solution: criteria.solutionId });
  if (criteria.reference !== undefined) {
    const reference = criteria.reference.trim();
    if (!/^\d{1,12}$/.test(reference))
      throw invalid('filter.reference', {
        fr: 'Une référence produit est faite de chiffres, par exemple « 145897 ».',
        en: 'A product reference is made of digits, e.g. "145897".',
      });
    where.push({ code: { $like: `${reference}%` } });
  }
  for (const [field, value] of [
    ['designation', criteria.designation],
    ['brand', criteria.brand],
  ] as const) {
    if (value === undefined) continue;
    const words = value.trim();
    if (words.length < 2)
      throw invalid(`filter.${field}`, {
        fr: 'Tapez au moins 2 caractères pour chercher.',
        en: 'Type at least 2 characters to search.',
      });
    const like = `%${escapeLike(words)}%`;
    if (field === 'designation') where.push({ designation: { $ilike: like } });
    else
      where.push({
        brand: {
          id: {
            $in: em
              .createQueryBuilder(Brand, 'b')
              .select('b.id')
              .where({ name: { $ilike: like } }) as never,
          },
        },
      });
  }
  return paginate(em, Product, where.length ? { $and: where } : {}, [{ code: 'asc' }, { id: 'asc' }], page);
}

export interface ProductPrice {
  /** "Sur cotation": the supplier quotes the price on request. */
  onQuote: boolean;
  listPrice: Decimal | null;
  discountPercent: Decimal | null;
  unitPrice: Decimal | null;
  illustrative: boolean;
}

/**
 * The unit price excl. VAT a buyer pays: list price less the market discount, rounded to the cent
 * half away from zero (the rounding rule of the whole platform, see `Dec`).
 */
export function priceOf(product: Pick<Product, 'listPrice' | 'discountPercent' | 'illustrativePrice'>): ProductPrice {
  if (product.listPrice === null) {
    return {
      onQuote: true,
      listPrice: null,
      discountPercent: null,
      unitPrice: null,
      illustrative: product.illustrativePrice,
    };
  }
  const listPrice = new Dec(product.listPrice);
  const discountPercent = new Dec(product.discountPercent ?? '0');
  return {
    onQuote: false,
    listPrice,
    discountPercent,
    unitPrice: toCents(listPrice.times(new Dec(100).minus(discountPercent)).dividedBy(100)),
    illustrative: product.illustrativePrice,
  };
}
