import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BUYER_ROLES, Role } from '@nuage/contracts';
import { definePermissions, type Identity, NOTHING, partiesScope, ScopedRepository } from '@nuage/platform';
import { Incident } from '../entities/index.js';

/** Who reads an incident: its entity's buyers, the order's supplier, market-wide staff. */
export const incidentScope = (caller: Identity | null): FilterQuery<Incident> =>
  caller ? partiesScope(caller) : NOTHING;

export const incidentsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, Incident, incidentScope(caller), { fr: "L'incident", en: 'The incident' });

/** What roles may do beyond the incident lifecycle's transitions (that one says who takes each step). */
export const assertMay = definePermissions({
  /** "Déclarer un litige": the buyers of an entity, on its orders. */
  'incident:declare': BUYER_ROLES,
  /** Write on an incident's thread: its parties and the market holder (UGAP and analysts read). */
  'incident:write': [...BUYER_ROLES, Role.SUPPLIER, Role.MARKET_HOLDER],
  /** Statistics by brand and type, for the market. */
  'incident:statistics': [Role.MARKET_HOLDER, Role.UGAP, Role.ANALYST],
});
