import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BUYER_ROLES, Role } from '@nuage/contracts';
import { definePermissions, type Identity, isMarketWide, isPartyOf, NOTHING, ScopedRepository } from '@nuage/platform';
import { type Commitment, ConsumptionAlert } from '../entities/index.js';

/**
 * Who reads what in consumption. A commitment's figures are its parties': the entity's buyers, the
 * brand's supplier, market-wide staff. Alerts are the entity's (market-wide staff see them all;
 * suppliers none: they are the buyer's prompt to renew).
 */
export const mayReadCommitment = (caller: Identity, commitment: Pick<Commitment, 'entityId' | 'brandId'>) =>
  isMarketWide(caller) || isPartyOf(caller, commitment);

export function alertScope(caller: Identity): FilterQuery<ConsumptionAlert> {
  if (caller.entityId) return { entityId: caller.entityId };
  return isMarketWide(caller) ? {} : NOTHING;
}

export const alertsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, ConsumptionAlert, alertScope(caller), { fr: "L'alerte", en: 'The alert' });

/** What each role may do with consumption. */
export const assertMay = definePermissions({
  /** A supplier pushes the usage of its brand's order lines. */
  'usage:push': [Role.SUPPLIER],
  /** From an alert, a buyer asks to renew (credits). */
  'renewal:request': BUYER_ROLES,
  /** An entity's buyers set its alert thresholds. */
  'thresholds:set': BUYER_ROLES,
  /** Spend over the whole market. */
  'spend:read': [Role.MARKET_HOLDER, Role.UGAP, Role.ANALYST],
});
