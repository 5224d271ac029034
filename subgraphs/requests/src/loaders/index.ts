import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { loaderById, loaderByParent, Role, type Identity } from '@nuage/shared';
import { BeneficiaryEntity, Document, Message, Person, Project, RequestItem, RequestSolution, ServiceRequest, Team } from '../entities';
import { visibleRequests } from '../services/access';

export interface MessageCounts {
  total: number;
  unread: number;
}

/**
 * Message counts of many requests for one reader, in one statement: what this reader sees
 * (a supplier only its brand's thread), and of that what they have not read.
 */
function messageCounts(em: EntityManager, identity: Identity | null) {
  return new DataLoader<string, MessageCounts>(async (requestIds) => {
    if (!identity) return requestIds.map(() => ({ total: 0, unread: 0 }));
    const supplier = identity.role === Role.SUPPLIER;
    const rows = await em.getConnection().execute<{ request_id: string; total: string; unread: string }[]>(
      `select m.request_id, count(*) as total,
              count(*) filter (where not exists (select 1 from message_read r where r.message_id = m.id and r.reader_id = ?)) as unread
         from message m
        where m.request_id in (?) ${supplier ? "and m.audience = 'BRAND' and m.brand_id = ?" : ''}
        group by m.request_id`,
      supplier ? [identity.userId, [...requestIds], identity.brandId] : [identity.userId, [...requestIds]],
    );
    const byRequest = new Map(rows.map((r) => [r.request_id, { total: Number(r.total), unread: Number(r.unread) }]));
    return requestIds.map((id) => byRequest.get(id) ?? { total: 0, unread: 0 });
  });
}

/** Requests by id that this reader may read (null otherwise): other subgraphs' references, batched. */
function readableRequests(em: EntityManager, identity: Identity | null) {
  return new DataLoader<string, ServiceRequest | null>(async (ids) => {
    if (!identity) return ids.map(() => null);
    const rows = await em.find(ServiceRequest, { $and: [{ id: { $in: [...ids] } }, visibleRequests(em, identity)] });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
}

export function createLoaders(em: EntityManager, identity: Identity | null) {
  return {
    readableRequestById: readableRequests(em, identity),
    entityById: loaderById(em, BeneficiaryEntity),
    personById: loaderById(em, Person),
    projectById: loaderById(em, Project),
    teamById: loaderById(em, Team),
    solutionsByRequest: loaderByParent(em, RequestSolution, 'request', { position: 'asc', id: 'asc' }),
    itemsByRequest: loaderByParent(em, RequestItem, 'request', { position: 'asc', id: 'asc' }),
    messagesByRequest: loaderByParent(em, Message, 'request', { createdAt: 'asc', id: 'asc' }),
    documentsByRequest: loaderByParent(em, Document, 'request', { createdAt: 'asc', id: 'asc' }),
    messageCounts: messageCounts(em, identity),
  };
}
export type RequestsLoaders = ReturnType<typeof createLoaders>;
