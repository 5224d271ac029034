import type { EntityManager } from '@mikro-orm/postgresql';
import { type Bilingual, FileStep, type HistorySubject } from '@nuage/contracts';
import type { HistoryEntry } from '@nuage/history';
import type { Message } from '@nuage/threads';
import { type EventType, FeedEvent, NotificationKind, RequestSolution } from '../entities/index.js';
import { notify, recipients, type Audience } from './notifications.js';
import { sendToEndpoints } from './webhook-deliveries.js';

/** Who sees an event in their feed (and webhooks), besides UGAP, the market holder and analysts, who see all. */
type FeedAudience = 'BUYERS' | 'SUPPLIERS';

interface StepRule {
  feed: FeedAudience[];
  /** Whose suppliers: the step's brand (default), or every brand the request solicits (a step of the request itself). */
  brands?: 'SOLICITED';
  /** Who is notified, by kind; whoever took the step is not. */
  notify: { kind: NotificationKind; to: Audience[] }[];
}

const K = NotificationKind;
const BOTH: FeedAudience[] = ['BUYERS', 'SUPPLIERS'];
const BOTH_SIDES: Audience[] = ['BUYERS', 'SUPPLIERS'];

/**
 * What each step of a file tells whom, as data, keyed by the steps' published names (`FileStep`):
 * whose feed shows it, and whom it notifies.
 */
export const STEP_RULES: Record<FileStep, StepRule> = {
  REQUEST_SUBMITTED: { feed: BOTH, brands: 'SOLICITED', notify: [{ kind: K.REQUEST_TO_ANSWER, to: ['SUPPLIERS'] }] },
  REQUEST_UPDATED: { feed: BOTH, brands: 'SOLICITED', notify: [{ kind: K.REQUEST_UPDATED, to: ['SUPPLIERS'] }] },
  REQUEST_CANCELLED: { feed: BOTH, brands: 'SOLICITED', notify: [{ kind: K.REQUEST_CANCELLED, to: ['SUPPLIERS'] }] },
  // The market holder reads every thread: it hears of every message, as the side written to does.
  MESSAGE_POSTED: { feed: BOTH, notify: [{ kind: K.MESSAGE_RECEIVED, to: [...BOTH_SIDES, 'MARKET_HOLDER'] }] },
  RESPONSE_DEADLINE_EXTENDED: {
    feed: BOTH,
    brands: 'SOLICITED',
    notify: [{ kind: K.RESPONSE_DEADLINE_EXTENDED, to: ['SUPPLIERS'] }],
  },
  RESPONSE_DEADLINE_NEAR: { feed: ['SUPPLIERS'], notify: [{ kind: K.RESPONSE_DEADLINE_NEAR, to: ['SUPPLIERS'] }] },
  SOLICITATION_DECLINED: { feed: BOTH, notify: [{ kind: K.SOLICITATION_DECLINED, to: ['BENEFICIARIES'] }] },
  PROPOSALS_OPENED: { feed: BOTH, brands: 'SOLICITED', notify: [{ kind: K.PROPOSALS_OPENED, to: BOTH_SIDES }] },
  // The beneficiaries see a proposal arrive; the managers, that it waits for their approval.
  PROPOSAL_SUBMITTED: {
    feed: BOTH,
    notify: [
      { kind: K.PROPOSAL_RECEIVED, to: ['BENEFICIARIES'] },
      { kind: K.APPROVAL_REQUESTED, to: ['MANAGERS'] },
    ],
  },
  PROPOSAL_REVISED: { feed: BOTH, notify: [{ kind: K.APPROVAL_REQUESTED, to: ['MANAGERS'] }] },
  // Credits a buyer stated go to the managers as a supplier's proposal does.
  CREDITS_STATED: { feed: ['BUYERS'], notify: [{ kind: K.APPROVAL_REQUESTED, to: ['MANAGERS'] }] },
  PROPOSAL_APPROVED: { feed: BOTH, notify: [{ kind: K.PROPOSAL_APPROVED, to: ['BENEFICIARIES', 'SUPPLIERS'] }] },
  PROPOSAL_REJECTED: { feed: BOTH, notify: [{ kind: K.PROPOSAL_REJECTED, to: ['BENEFICIARIES', 'SUPPLIERS'] }] },
  // Accepted, the proposal is an order for UGAP to validate.
  PROPOSAL_ACCEPTED: {
    feed: BOTH,
    notify: [
      { kind: K.PROPOSAL_ACCEPTED, to: ['SUPPLIERS'] },
      { kind: K.ORDER_TO_VALIDATE, to: ['UGAP'] },
    ],
  },
  PROPOSAL_REFUSED: { feed: BOTH, notify: [{ kind: K.PROPOSAL_REFUSED, to: ['SUPPLIERS'] }] },
  PROPOSAL_CLOSED: { feed: BOTH, notify: [{ kind: K.PROPOSAL_CLOSED, to: BOTH_SIDES }] },
  ORDER_VALIDATED: { feed: BOTH, notify: [{ kind: K.ORDER_VALIDATED, to: BOTH_SIDES }] },
  // Asked by one party, answered by another: the buyers, the supplier or UGAP.
  DELAY_REQUESTED: { feed: BOTH, notify: [{ kind: K.DELAY_REQUESTED, to: [...BOTH_SIDES, 'UGAP'] }] },
  DELAY_ANSWERED: { feed: BOTH, notify: [{ kind: K.DELAY_ANSWERED, to: BOTH_SIDES }] },
  DELIVERY_RECORDED: { feed: BOTH, notify: [{ kind: K.DELIVERY_RECORDED, to: ['BUYERS'] }] },
  SERVICES_OPENED: { feed: BOTH, notify: [{ kind: K.SERVICES_OPENED, to: ['BUYERS'] }] },
  ACTIVATION_VALIDATED: { feed: BOTH, notify: [{ kind: K.ACTIVATION_VALIDATED, to: ['SUPPLIERS', 'UGAP'] }] },
  ACTIVATION_DISPUTED: { feed: BOTH, notify: [{ kind: K.ACTIVATION_DISPUTED, to: ['SUPPLIERS', 'UGAP'] }] },
  INCIDENT_OPENED: { feed: BOTH, notify: [{ kind: K.INCIDENT_OPENED, to: [...BOTH_SIDES, 'MARKET_HOLDER'] }] },
  INCIDENT_UPDATED: { feed: BOTH, notify: [{ kind: K.INCIDENT_UPDATED, to: BOTH_SIDES }] },
  INCIDENT_RESOLVED: { feed: BOTH, notify: [{ kind: K.INCIDENT_RESOLVED, to: BOTH_SIDES }] },
  INVOICE_ISSUED: { feed: BOTH, notify: [{ kind: K.INVOICE_ISSUED, to: ['BUYERS'] }] },
  INVOICE_SUSPENDED: { feed: BOTH, notify: [{ kind: K.INVOICE_SUSPENDED, to: ['BUYERS', 'UGAP'] }] },
  INVOICE_PAID: { feed: BOTH, notify: [] },
};

/** One thing to announce: an event for the feeds and webhooks of those who may see it. */
export interface Announcement {
  type: EventType;
  entityId: string | null;
  brandIds: string[];
  subjectType: HistorySubject | null;
  subjectId: string | null;
  reference: string | null;
  fileId: string | null;
  orderId: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  actorRole: string;
  summary: Bilingual;
}

/** Records an event for the feeds and sends it to the endpoints that want it (after commit, never from inside it). */
export async function announce(em: EntityManager, announcement: Announcement): Promise<FeedEvent> {
  const { summary, ...fields } = announcement;
  const event = em.create(FeedEvent, {
    fromStatus: null,
    toStatus: null,
    ...fields,
    summaryFr: summary.fr,
    summaryEn: summary.en,
  });
  em.persist(event);
  await sendToEndpoints(em, event);
  return event;
}

const solicitedBrands = async (em: EntityManager, requestId: string) =>
  (await em.find(RequestSolution, { request: requestId }, { fields: ['brandId'] })).map((s) => s.brandId);

/** What an announcement reads of a step; `orderId`, the order it belongs to, when the step says. */
type Step = Pick<
  HistoryEntry,
  | 'subjectType'
  | 'subjectId'
  | 'subjectReference'
  | 'fileId'
  | 'entityId'
  | 'brandId'
  | 'actorId'
  | 'actorRole'
  | 'fromStatus'
  | 'toStatus'
  | 'summaryFr'
  | 'summaryEn'
> & { orderId?: string | null };

/**
 * A step of a file, recorded here or by another subgraph: its event in the feeds (and webhooks),
 * and its notifications, by the rules (nothing for a step without a published name).
 */
export async function announceStep(em: EntityManager, entry: Step, step: FileStep | null | undefined) {
  if (!step) return;
  const rule = STEP_RULES[step];
  const brandIds =
    rule.brands === 'SOLICITED' && entry.fileId
      ? [...new Set(await solicitedBrands(em, entry.fileId))]
      : entry.brandId
        ? [entry.brandId]
        : [];
  const summary = { fr: entry.summaryFr, en: entry.summaryEn };
  await announce(em, {
    type: step,
    entityId: rule.feed.includes('BUYERS') ? entry.entityId : null,
    brandIds: rule.feed.includes('SUPPLIERS') ? brandIds : [],
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    reference: entry.subjectReference,
    fileId: entry.fileId,
    orderId: entry.orderId ?? null,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    actorRole: entry.actorRole,
    summary,
  });
  for (const { kind, to } of rule.notify) {
    const people = await recipients(em, to, { entityId: entry.entityId, brandIds });
    notify(
      em,
      people.filter((person) => person.id !== entry.actorId),
      {
        kind,
        summary,
        fileId: entry.fileId,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        reference: entry.subjectReference,
      },
    );
  }
}

/** Where a message was posted, for its announcement. */
export interface MessageSubject {
  subjectType: HistorySubject;
  subjectId: string;
  reference: string;
  fileId: string;
  entityId: string;
  orderId: string | null;
}

/** A message on a thread: the buyers, the brand written to (or writing) and the market holder hear of it. */
export function announceMessage(em: EntityManager, message: Message, where: MessageSubject) {
  const summary = {
    fr: `Message de ${message.authorName} sur ${where.reference}`,
    en: `Message from ${message.authorName} on ${where.reference}`,
  };
  const { reference: _, ...about } = where;
  return announceStep(
    em,
    {
      ...about,
      subjectReference: where.reference,
      brandId: message.brandId,
      actorId: message.authorId,
      actorRole: message.authorRole,
      fromStatus: null,
      toStatus: null,
      summaryFr: summary.fr,
      summaryEn: summary.en,
    },
    FileStep.MESSAGE_POSTED,
  );
}
