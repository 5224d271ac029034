import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  available,
  definePermissions,
  forbidden,
  isBuyer,
  isMarketWide,
  ScopedRepository,
  type Identity,
  subquery,
} from '@nuage/platform';
import { BUYER_ROLES, Role } from '@nuage/contracts';
import type { ThreadAccess } from '@nuage/threads';
import { REQUEST_LIFECYCLE, type RequestAction } from './request-lifecycle.js';
import {
  type BeneficiaryEntity,
  FeedEvent,
  Project,
  RequestSolution,
  RequestStatus,
  ServiceRequest,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookOwner,
} from '../entities/index.js';

/**
 * Who reads a request: its entity's buyers; a supplier, once it is submitted, if it solicits the
 * supplier's brand; the market holder, UGAP and analysts, once it is submitted (a draft is the
 * buyer's own workspace).
 */
export function visibleRequests(em: EntityManager, caller: Identity): FilterQuery<ServiceRequest> {
  if (isBuyer(caller)) return { entityId: caller.entityId! };
  if (caller.role === Role.SUPPLIER) {
    const soliciting = em
      .createQueryBuilder(RequestSolution, 'rs')
      .select('rs.request')
      .where({ brandId: caller.brandId! });
    return { status: { $ne: RequestStatus.DRAFT }, id: { $in: subquery(soliciting) } };
  }
  if (isMarketWide(caller)) return { status: { $ne: RequestStatus.DRAFT } };
  return { id: null };
}

/**
 * The projects a caller reads: its entity's for a buyer; for everyone else only those with a
 * request they may read (a project that exists only in a draft is private to its entity).
 */
export function visibleProjects(em: EntityManager, caller: Identity): FilterQuery<Project> {
  if (isBuyer(caller)) return { entity: caller.entityId! };
  const requests = em
    .createQueryBuilder(ServiceRequest, 'r')
    .select('r.project')
    .where(visibleRequests(em, caller) as never);
  return { id: { $in: subquery(requests) } };
}

/**
 * Whose profile (name, SIRET, address, purchasing references) a caller reads: its own entity's,
 * every one for market-wide staff, and for a supplier the entities of the files its brand takes
 * part in (submitted requests that solicit it), as the documents it receives name them.
 */
export function readableEntities(em: EntityManager, caller: Identity): FilterQuery<BeneficiaryEntity> {
  if (isMarketWide(caller)) return {};
  if (caller.role === Role.SUPPLIER) {
    const files = em
      .createQueryBuilder(ServiceRequest, 'r')
      .select('r.entityId')
      .where(visibleRequests(em, caller) as never);
    return { id: { $in: subquery(files) } };
  }
  return { id: caller.entityId ?? null };
}

/** The requests a caller may read; any other is NOT_FOUND (its existence is not disclosed). */
export const requestsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, ServiceRequest, visibleRequests(em, caller), { fr: 'La demande', en: 'The request' });

/** The projects a caller may read. */
export const projectsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, Project, visibleProjects(em, caller), { fr: 'Le projet', en: 'The project' });

/** The entity's own managers, or the market holder, manage its profile, teams and accounts. */
export const manages = (caller: Identity, entityId: string) =>
  (caller.role === Role.MANAGER && caller.entityId === entityId) || caller.role === Role.MARKET_HOLDER;

/** FORBIDDEN unless the caller may manage entities, then unless it manages this one. */
export function assertManages(caller: Identity, entityId: string): void {
  assertMay(caller, 'entity:manage');
  if (!manages(caller, entityId))
    throw forbidden({
      fr: "Seuls les managers de l'entité (ou le titulaire) peuvent le faire.",
      en: "Only the entity's managers (or the market holder) do this.",
    });
}

/**
 * What roles may do beyond the request lifecycle's transitions (that one says who edits, submits,
 * cancels and closes).
 */
export const assertMay = definePermissions({
  /** Start a request (a draft) for one's entity. */
  'request:create': BUYER_ROLES,
  /** "Ma référence": the buyer's own reference on a request, at any status. */
  'request:setReference': BUYER_ROLES,
  /** Write on a request's thread: its parties and the market holder (UGAP and analysts read). */
  'request:write': [...BUYER_ROLES, Role.SUPPLIER, Role.MARKET_HOLDER],
  /** The "Fiche bénéficiaire", teams and accounts of an entity: its managers, the market holder. */
  'entity:manage': [Role.MANAGER, Role.MARKET_HOLDER],
  /** Read the event feed: everyone with a scope (a brand's, an entity's, the market's). */
  'event:read': [...BUYER_ROLES, Role.SUPPLIER, Role.UGAP, Role.MARKET_HOLDER, Role.ANALYST],
  /** Register and manage webhook endpoints: a brand's suppliers, an entity's managers, UGAP and the market holder. */
  'webhook:manage': [Role.SUPPLIER, Role.MANAGER, Role.UGAP, Role.MARKET_HOLDER],
});

/** The events a caller sees: a supplier its brand's, a buyer its entity's, the market's staff all. */
export function eventsFor(em: EntityManager, caller: Identity) {
  const scope: FilterQuery<FeedEvent> = isMarketWide(caller)
    ? {}
    : caller.role === Role.SUPPLIER
      ? { brandIds: { $contains: [caller.brandId!] } }
      : isBuyer(caller)
        ? { entityId: caller.entityId! }
        : { id: null };
  return new ScopedRepository(em, FeedEvent, scope, { fr: "L'événement", en: 'The event' });
}

/** Whose webhook endpoints a caller manages: its brand's, its entity's, or the market's (UGAP, the market holder). */
export function webhookOwnerOf(caller: Identity): { ownerType: WebhookOwner; ownerId: string | null } {
  if (caller.role === Role.SUPPLIER) return { ownerType: WebhookOwner.BRAND, ownerId: caller.brandId! };
  if (isBuyer(caller)) return { ownerType: WebhookOwner.ENTITY, ownerId: caller.entityId! };
  return { ownerType: WebhookOwner.MARKET, ownerId: null };
}

/** The caller's own endpoints; another owner's are NOT_FOUND. */
export const endpointsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, WebhookEndpoint, webhookOwnerOf(caller), {
    fr: 'Le point de réception',
    en: 'The webhook endpoint',
  });

/** The deliveries to the caller's own endpoints. */
export const deliveriesFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(
    em,
    WebhookDelivery,
    { endpoint: webhookOwnerOf(caller) },
    {
      fr: 'La livraison',
      en: 'The delivery',
    },
  );

/** Who reads and writes the messages and documents of a request: those who may read it; the solicited brands take part. */
export const requestThread: ThreadAccess = async (em, caller, requestId) => {
  const request = await requestsFor(em, caller).get(requestId);
  const brandIds = (await em.find(RequestSolution, { request })).map((s) => s.brandId);
  return {
    entityId: request.entityId,
    brandIds,
    closedBecause:
      request.status === RequestStatus.DRAFT
        ? {
            fr: "Les messages s'échangent une fois la demande envoyée.",
            en: 'Messages are exchanged once the request is submitted.',
          }
        : null,
  };
};

/** What the caller may do with a request now: its entity's buyers and the market holder act on it. */
export function requestActionsOf(caller: Identity, request: ServiceRequest): RequestAction[] {
  const own = caller.entityId === request.entityId || caller.role === Role.MARKET_HOLDER;
  return own ? available(REQUEST_LIFECYCLE, request.status, caller.role) : [];
}
