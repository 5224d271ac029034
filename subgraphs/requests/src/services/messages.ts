import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, invalid, Role, type Identity } from '@nuage/shared';
import { DocumentKind, Message, MessageAudience, MessageRead, RequestSolution, RequestStatus } from '../entities';
import { assertBuyerOf, readableRequest, visibleMessages } from './access';
import { attachDocuments } from './documents';

export interface MessageInput {
  requestId: string;
  audience: MessageAudience;
  /** With audience BRAND, for the buyer or the market holder: which solicited brand. */
  brandId?: string;
  body: string;
  attachmentIds?: string[];
}

/**
 * Posts a message on a request. The entity's buyers write to the market holder or to a solicited
 * brand; a supplier to the buyer, within its brand's thread; the market holder to either.
 */
export async function postMessage(em: EntityManager, caller: Identity, input: MessageInput): Promise<Message> {
  return em.transactional(async (tx) => {
    const request = await readableRequest(tx, caller, input.requestId);
    const body = input.body.trim();
    if (body.length === 0) throw invalid('input.body', 'Write the message.');
    if (body.length > 10_000) throw invalid('input.body', 'A message is 10,000 characters at most.');
    if (request.status === RequestStatus.DRAFT) throw invalid('input.requestId', 'Messages are exchanged once the request is submitted.');
    let brandId: string | null = null;
    if (caller.role === Role.SUPPLIER) {
      if (input.audience !== MessageAudience.BRAND) throw forbidden('A supplier writes in its own brand\'s thread.');
      brandId = caller.brandId!;
    } else {
      if (caller.role !== Role.MARKET_HOLDER) assertBuyerOf(caller, request);
      if (input.audience === MessageAudience.BRAND) {
        if (!input.brandId) throw invalid('input.brandId', 'Name the solicited brand the message is for.');
        if (!(await tx.findOne(RequestSolution, { request, brandId: input.brandId }))) throw invalid('input.brandId', 'This brand is not solicited by the request.');
        brandId = input.brandId;
      } else if (input.brandId) throw invalid('input.brandId', 'A message to the market holder names no brand.');
    }
    const message = tx.create(Message, { request, audience: input.audience, brandId, authorId: caller.userId, authorName: caller.name, authorRole: caller.role, body });
    tx.persist(message);
    // The author has read what they wrote.
    tx.persist(tx.create(MessageRead, { message, readerId: caller.userId }));
    if (input.attachmentIds?.length) await attachDocuments(tx, caller, input.attachmentIds, { request, kind: DocumentKind.MESSAGE, message }, 'input.attachmentIds');
    return message;
  });
}

/** Marks every message of a request the caller sees as read by them; returns how many were unread. */
export async function markMessagesRead(em: EntityManager, caller: Identity, requestId: string): Promise<number> {
  const request = await readableRequest(em, caller, requestId);
  const unread = await em.find(Message, { $and: [{ request }, visibleMessages(caller), { id: { $nin: em.createQueryBuilder(MessageRead, 'r').select('r.message').where({ readerId: caller.userId }) as never } }] });
  for (const message of unread) em.persist(em.create(MessageRead, { message, readerId: caller.userId }));
  await em.flush();
  return unread.length;
}
