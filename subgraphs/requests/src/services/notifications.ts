import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BUYER_ROLES, Role, type HistorySubject } from '@nuage/contracts';
import { notFound, paginate, type Identity, type PageArgs } from '@nuage/platform';
import { NOTIFICATION_KIND_LABELS, Notification, type NotificationKind, Person } from '../entities/index.js';

/** Who, around a file, a notification goes to: its entity's buyers (by role), its brands' staff, UGAP or the market holder. */
export type Audience = 'BUYERS' | 'BENEFICIARIES' | 'MANAGERS' | 'SUPPLIERS' | 'UGAP' | 'MARKET_HOLDER';

const buyerRolesOf: Partial<Record<Audience, Role[]>> = {
  BUYERS: [...BUYER_ROLES],
  BENEFICIARIES: [Role.BENEFICIARY],
  MANAGERS: [Role.MANAGER],
};
const marketRolesOf: Partial<Record<Audience, Role>> = { UGAP: Role.UGAP, MARKET_HOLDER: Role.MARKET_HOLDER };

/** The active people of audiences around a file: the entity's buyers by role, the brands' staff, the market's people. */
export async function recipients(
  em: EntityManager,
  audiences: Audience[],
  around: { entityId: string | null; brandIds: string[] },
): Promise<Person[]> {
  const who: FilterQuery<Person>[] = [];
  const roles = audiences.flatMap((a) => buyerRolesOf[a] ?? []);
  if (roles.length && around.entityId) who.push({ entity: around.entityId, role: { $in: roles } });
  if (audiences.includes('SUPPLIERS') && around.brandIds.length)
    who.push({ brandId: { $in: around.brandIds }, role: Role.SUPPLIER });
  const market = audiences.flatMap((a) => marketRolesOf[a] ?? []);
  if (market.length) who.push({ role: { $in: market } });
  if (!who.length) return [];
  return em.find(Person, { $and: [{ $or: who }, { activatedAt: { $ne: null } }] });
}

export interface Notice {
  kind: NotificationKind;
  summary: { fr: string; en: string };
  fileId: string | null;
  subjectType: HistorySubject | null;
  subjectId: string | null;
  reference: string;
}

/** Writes one notification per person (in the current transaction). */
export function notify(em: EntityManager, people: Person[], notice: Notice) {
  const label = NOTIFICATION_KIND_LABELS[notice.kind];
  for (const person of people) {
    em.persist(
      em.create(Notification, {
        personId: person.id,
        kind: notice.kind,
        titleFr: `${label.fr} — ${notice.summary.fr}`,
        titleEn: `${label.en} — ${notice.summary.en}`,
        fileId: notice.fileId,
        subjectType: notice.subjectType,
        subjectId: notice.subjectId,
        reference: notice.reference,
      }),
    );
  }
}

/** The entity's active buyers (consumption alerts go to them). */
export const entityBuyers = (em: EntityManager, entityId: string) =>
  recipients(em, ['BUYERS'], { entityId, brandIds: [] });

/** The caller's notifications, latest first; unread ones only if asked. */
export function listNotifications(em: EntityManager, caller: Identity, unreadOnly: boolean, page: PageArgs) {
  return paginate(
    em,
    Notification,
    { personId: caller.userId, ...(unreadOnly ? { readAt: null } : {}) },
    [{ createdAt: 'desc' }, { id: 'desc' }],
    page,
  );
}

export async function countNotifications(em: EntityManager, caller: Identity) {
  const [total, unread] = await Promise.all([
    em.count(Notification, { personId: caller.userId }),
    em.count(Notification, { personId: caller.userId, readAt: null }),
  ]);
  return { total, unread };
}

/** Marks one of the caller's notifications read (reading it again changes nothing). */
export async function markRead(em: EntityManager, caller: Identity, id: string): Promise<Notification> {
  const notification = await em.findOne(Notification, { id, personId: caller.userId });
  if (!notification) throw notFound({ fr: 'La notification', en: 'The notification' }, 'id');
  notification.readAt ??= new Date();
  await em.flush();
  return notification;
}

/** Marks all the caller's notifications read; returns how many were unread. */
export function markAllRead(em: EntityManager, caller: Identity): Promise<number> {
  return em.nativeUpdate(Notification, { personId: caller.userId, readAt: null }, { readAt: new Date() });
}
