import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BUYER_ROLES, Role } from '@nuage/contracts';
import { definePermissions, type Identity, isMarketWide, ScopedRepository } from '@nuage/platform';
import { GuidedChoice } from '../entities/index.js';

/**
 * Who reads what in the catalogue. The catalogue itself (brands, solutions, products, the
 * questionnaire) is the market's: every signed-in caller reads it. A recorded guided choice is
 * its entity's, market-wide staff's, and the suppliers' that a submitted request built on it solicits.
 */
export function guidedChoiceScope(caller: Identity): FilterQuery<GuidedChoice> {
  if (isMarketWide(caller)) return {};
  if (caller.role === Role.SUPPLIER) return { addressedBrandIds: { $contains: [caller.brandId!] } };
  return { entityId: caller.entityId! };
}

export const guidedChoicesFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, GuidedChoice, guidedChoiceScope(caller), {
    fr: "Le parcours d'aide au choix",
    en: 'The guided choice',
  });

/** What each role may do with the catalogue. */
export const assertMay = definePermissions({
  /** The market holder keeps the catalogue: brands, solutions, certifications, products, the questionnaire. */
  'catalogue:edit': [Role.MARKET_HOLDER],
  /** A buyer records its guided choice, for a request and its PAAC report. */
  'guidedChoice:record': BUYER_ROLES,
});
