import { stableId } from '@nuage/shared';
import facts from './catalogue-facts.json' with { type: 'json' };

export const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The seeded brands and their stable ids. Other subgraphs' seeds (supplier accounts) and the token
 * command use it to refer to a brand without reading the catalogue's tables.
 */
export const SEED_BRANDS = (facts as { brand: string }[]).map((fact) => ({
  id: stableId('brand', fact.brand),
  name: fact.brand,
  slug: slugOf(fact.brand),
}));
