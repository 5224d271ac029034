import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { forbidden, isBuyer, isMarketWide, notFound, type Identity } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import type { ThreadAccess } from '@nuage/threads';
import { type BeneficiaryEntity, type Project, RequestSolution, RequestStatus, ServiceRequest } from '../entities';

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
    return { status: { $ne: RequestStatus.DRAFT }, id: { $in: soliciting as never } };
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
  return { id: { $in: requests as never } };
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
    return { id: { $in: files as never } };
  }
  return { id: caller.entityId ?? null };
}

/** The request if the caller may read it; NOT_FOUND otherwise (its existence is not disclosed). */
export async function readableRequest(em: EntityManager, caller: Identity, id: string): Promise<ServiceRequest> {
  const request = await em.findOne(ServiceRequest, { $and: [{ id }, visibleRequests(em, caller)] });
  if (!request) throw notFound({ fr: 'La demande', en: 'The request' }, 'id');
  return request;
}

/** Only the entity's buyers change a request (the market holder may also cancel one). */
export function assertBuyerOf(caller: Identity, request: ServiceRequest): void {
  const buyer = isBuyer(caller) && caller.entityId === request.entityId;
  if (!buyer)
    throw forbidden({
      fr: "Seuls les acheteurs de l'entité modifient ses demandes.",
      en: "Only the entity's buyers change its requests.",
    });
}

/** Who reads and writes the messages and documents of a request: those who may read it; the solicited brands take part. */
export const requestThread: ThreadAccess = async (em, caller, requestId) => {
  const request = await readableRequest(em, caller, requestId);
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
