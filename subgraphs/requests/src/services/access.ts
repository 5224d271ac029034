import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { forbidden, isMarketWide, notFound, Role, type Identity, type ThreadAccess } from '@nuage/shared';
import { RequestSolution, RequestStatus, ServiceRequest } from '../entities';

/**
 * Who reads a request: its entity's buyers; a supplier, once it is submitted, if it solicits the
 * supplier's brand; the market holder, UGAP and analysts, once it is submitted (a draft is the
 * buyer's own workspace).
 */
export function visibleRequests(em: EntityManager, caller: Identity): FilterQuery<ServiceRequest> {
  if (caller.role === Role.BENEFICIARY || caller.role === Role.MANAGER) return { entityId: caller.entityId! };
  if (caller.role === Role.SUPPLIER) {
    const soliciting = em.createQueryBuilder(RequestSolution, 'rs').select('rs.request').where({ brandId: caller.brandId! });
    return { status: { $ne: RequestStatus.DRAFT }, id: { $in: soliciting as never } };
  }
  if (isMarketWide(caller)) return { status: { $ne: RequestStatus.DRAFT } };
  return { id: null };
}

/** The request if the caller may read it; NOT_FOUND otherwise (its existence is not disclosed). */
export async function readableRequest(em: EntityManager, caller: Identity, id: string): Promise<ServiceRequest> {
  const request = await em.findOne(ServiceRequest, { $and: [{ id }, visibleRequests(em, caller)] });
  if (!request) throw notFound('The request', 'id');
  return request;
}

/** Only the entity's buyers change a request (the market holder may also cancel one). */
export function assertBuyerOf(caller: Identity, request: ServiceRequest): void {
  const buyer = (caller.role === Role.BENEFICIARY || caller.role === Role.MANAGER) && caller.entityId === request.entityId;
  if (!buyer) throw forbidden("Only the entity's buyers change its requests.");
}

/** Who reads and writes the messages and documents of a request: those who may read it; the solicited brands take part. */
export const requestThread: ThreadAccess = async (em, caller, requestId) => {
  const request = await readableRequest(em, caller, requestId);
  const brandIds = (await em.find(RequestSolution, { request })).map((s) => s.brandId);
  return { entityId: request.entityId, brandIds, closedBecause: request.status === RequestStatus.DRAFT ? 'Messages are exchanged once the request is submitted.' : null };
};
