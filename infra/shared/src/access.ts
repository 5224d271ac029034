import { forbidden } from './errors';
import { BUYER_ROLES, Role, type Identity } from './identity';

/** Roles that see the whole market: the market holder, UGAP and analysts. */
/** Whether the caller buys for an entity (its agents and managers). */
export const isBuyer = (caller: Identity) => (BUYER_ROLES as readonly Role[]).includes(caller.role);

export const isMarketWide = (caller: Identity) =>
  caller.role === Role.MARKET_HOLDER || caller.role === Role.UGAP || caller.role === Role.ANALYST;

/** Whether the caller may read what belongs to a beneficiary entity: its own agents, or market-wide staff. */
export const mayReadEntity = (caller: Identity, entityId: string) =>
  isMarketWide(caller) || caller.entityId === entityId;

export function assertMayReadEntity(caller: Identity, entityId: string): void {
  if (!mayReadEntity(caller, entityId))
    throw forbidden({
      fr: 'Vous ne lisez que ce qui appartient à votre entité.',
      en: 'You may only read what belongs to your own entity.',
    });
}
