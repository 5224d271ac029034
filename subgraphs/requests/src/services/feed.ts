import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Identity, type PageArgs } from '@nuage/platform';
import { type EventType, FeedEvent } from '../entities/index.js';
import { assertMay, eventsFor } from './access.js';

/**
 * The events the caller may see, oldest first, from a cursor: a system polls with the `endCursor`
 * it last read and gets what happened since.
 */
export function listEvents(em: EntityManager, caller: Identity, types: EventType[] | undefined, page: PageArgs) {
  assertMay(caller, 'event:read');
  const where = eventsFor(em, caller).where(types?.length ? { type: { $in: types } } : {});
  return paginate(em, FeedEvent, where, [{ createdAt: 'asc' }, { id: 'asc' }], page);
}

/** Forgets events (and their deliveries) older than the retention. */
export const deleteOldEvents = (em: EntityManager, retentionDays: number) =>
  em.nativeDelete(FeedEvent, { createdAt: { $lt: new Date(Date.now() - retentionDays * 86_400_000) } });
