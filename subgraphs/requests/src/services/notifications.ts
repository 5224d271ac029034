import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BUYER_ROLES, type FileStep, Role, type HistorySubject } from '@nuage/contracts';
import { notFound, paginate, type Identity, type PageArgs } from '@nuage/platform';
import type { HistoryEntry } from '@nuage/history';
import { NOTIFICATION_KIND_LABELS, Notification, NotificationKind, Person } from '../entities/index.js';

/** Who, around a file, a notification goes to. */
type Audience = 'BUYERS' | 'BENEFICIARIES' | 'MANAGERS' | 'SUPPLIERS';
interface Rule {
  kind: NotificationKind;
  to: Audience[];
}

const {
  PROPOSAL_RECEIVED,
  APPROVAL_REQUESTED,
  PROPOSAL_APPROVED,
  PROPOSAL_REJECTED,
  ORDER_VALIDATED,
  DELAY_ANSWERED,
  SERVICES_OPENED,
  INCIDENT_UPDATED,
} = NotificationKind;
const BOTH_SIDES: Audience[] = ['BUYERS', 'SUPPLIERS'];

/**
 * Which steps of a file notify whom, as data, keyed by the steps' published names (`FileStep`).
 * Whoever took the step is not notified of it.
 */
export const NOTIFICATION_RULES: Record<FileStep, Rule[]> = {
  // The beneficiaries see a proposal arrive; the managers, that it waits for their approval.
  PROPOSAL_SUBMITTED: [
    { kind: PROPOSAL_RECEIVED, to: ['BENEFICIARIES'] },
    { kind: APPROVAL_REQUESTED, to: ['MANAGERS'] },
  ],
  PROPOSAL_REVISED: [{ kind: APPROVAL_REQUESTED, to: ['MANAGERS'] }],
  // Credits a buyer stated go to the managers as a supplier's proposal does.
  CREDITS_STATED: [{ kind: APPROVAL_REQUESTED, to: ['MANAGERS'] }],
  PROPOSAL_APPROVED: [{ kind: PROPOSAL_APPROVED, to: ['BENEFICIARIES', 'SUPPLIERS'] }],
  PROPOSAL_REJECTED: [{ kind: PROPOSAL_REJECTED, to: ['BENEFICIARIES', 'SUPPLIERS'] }],
  ORDER_VALIDATED: [{ kind: ORDER_VALIDATED, to: BOTH_SIDES }],
  DELAY_ANSWERED: [{ kind: DELAY_ANSWERED, to: BOTH_SIDES }],
  SERVICES_OPENED: [{ kind: SERVICES_OPENED, to: ['BUYERS'] }],
  INCIDENT_UPDATED: [{ kind: INCIDENT_UPDATED, to: BOTH_SIDES }],
};

const rolesOf: Record<Exclude<Audience, 'SUPPLIERS'>, Role[]> = {
  BUYERS: [...BUYER_ROLES],
  BENEFICIARIES: [Role.BENEFICIARY],
  MANAGERS: [Role.MANAGER],
};

/** The active people of an audience around a file: the entity's buyers by role, or the brand's staff. */
async function recipients(
  em: EntityManager,
  audiences: Audience[],
  around: { entityId: string | null; brandId: string | null },
): Promise<Person[]> {
  const who: FilterQuery<Person>[] = [];
  const roles = audiences.flatMap((a) => (a === 'SUPPLIERS' ? [] : rolesOf[a]));
  if (roles.length && around.entityId) who.push({ entity: around.entityId, role: { $in: roles } });
  if (audiences.includes('SUPPLIERS') && around.brandId) who.push({ brandId: around.brandId, role: Role.SUPPLIER });
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

/** The notifications a step of a file's history gives, by the rules (none for a step without a published name). */
export async function notifyFromHistory(em: EntityManager, entry: Omit<HistoryEntry, 'at'>, step?: FileStep | null) {
  for (const rule of step ? NOTIFICATION_RULES[step] : []) {
    const people = (await recipients(em, rule.to, entry)).filter((person) => person.id !== entry.actorId);
    notify(em, people, {
      kind: rule.kind,
      summary: { fr: entry.summaryFr, en: entry.summaryEn },
      fileId: entry.fileId,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      reference: entry.subjectReference,
    });
  }
}

/** The entity's active buyers (consumption alerts go to them). */
export const entityBuyers = (em: EntityManager, entityId: string) =>
  recipients(em, ['BUYERS'], { entityId, brandId: null });

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
