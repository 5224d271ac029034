import type { EntityManager } from '@mikro-orm/postgresql';
import { Dec, formatDay, formatEuros, type Identity } from '@nuage/platform';
import { FileStep, HistorySubject } from '@nuage/contracts';
import { recordHistory, type FieldChange } from '@nuage/history';
import {
  ORDER_STATUS_LABELS,
  PROPOSAL_STATUS_LABELS,
  type Consultation,
  type CreditNote,
  type Delivery,
  INVOICE_STATUS_LABELS,
  type Invoice,
  type InvoiceStatus,
  type Order,
  type OrderStatus,
  type Proposal,
  type ProposalStatus,
  type SubscriptionOrder,
} from '../entities/index.js';

const HISTORY_SOURCE = { name: 'ordering' };

/** The steps others react to, by their published names (see `FileStep`). */
const PUBLISHED_PROPOSAL_STEPS: Record<string, FileStep> = {
  submit: FileStep.PROPOSAL_SUBMITTED,
  revise: FileStep.PROPOSAL_REVISED,
  stateCredits: FileStep.CREDITS_STATED,
  approve: FileStep.PROPOSAL_APPROVED,
  reject: FileStep.PROPOSAL_REJECTED,
  accept: FileStep.PROPOSAL_ACCEPTED,
  refuse: FileStep.PROPOSAL_REFUSED,
  withdraw: FileStep.PROPOSAL_CLOSED,
  close: FileStep.PROPOSAL_CLOSED,
};
const PUBLISHED_ORDER_STEPS: Record<string, FileStep> = {
  validate: FileStep.ORDER_VALIDATED,
  requestDelay: FileStep.DELAY_REQUESTED,
  acceptDelay: FileStep.DELAY_ANSWERED,
  refuseDelay: FileStep.DELAY_ANSWERED,
  deliverPart: FileStep.DELIVERY_RECORDED,
  deliverAll: FileStep.DELIVERY_RECORDED,
  openServices: FileStep.SERVICES_OPENED,
  validateActivation: FileStep.ACTIVATION_VALIDATED,
  reportProblem: FileStep.ACTIVATION_DISPUTED,
};
const PUBLISHED_INVOICE_STEPS: Record<string, FileStep> = {
  issue: FileStep.INVOICE_ISSUED,
  suspend: FileStep.INVOICE_SUSPENDED,
  pay: FileStep.INVOICE_PAID,
};

/** The history of what the ordering subgraph owns, each entry tied to its file (the request). */

type Actor = Identity | 'SYSTEM';
interface Step {
  action: string;
  comment?: string | null;
  changes?: FieldChange[];
  summary?: { fr: string; en: string };
}

export function recordProposalStep(
  em: EntityManager,
  proposal: Proposal,
  actor: Actor,
  from: ProposalStatus | null,
  step: Step,
) {
  return recordHistory(em, HISTORY_SOURCE, {
    subjectType: HistorySubject.PROPOSAL,
    subjectId: proposal.id,
    subjectReference: proposal.number,
    fileId: proposal.requestId,
    entityId: proposal.entityId,
    brandId: proposal.brandId,
    actor,
    from: from ? { status: from, label: PROPOSAL_STATUS_LABELS[from] } : null,
    to: { status: proposal.status, label: PROPOSAL_STATUS_LABELS[proposal.status] },
    ...step,
    step: PUBLISHED_PROPOSAL_STEPS[step.action],
    search: { references: [proposal.number], title: `Proposition ${proposal.number}` },
  });
}

/** Steps of the activation (services opened, validated, disputed) are the order's, told apart by their subject. */
const ACTIVATION_STEPS = new Set(['openServices', 'validateActivation', 'reportProblem']);

export function recordOrderStep(em: EntityManager, order: Order, actor: Actor, from: OrderStatus | null, step: Step) {
  return recordHistory(em, HISTORY_SOURCE, {
    subjectType: ACTIVATION_STEPS.has(step.action) ? HistorySubject.ACTIVATION : HistorySubject.ORDER,
    subjectId: order.id,
    subjectReference: order.reference,
    fileId: order.requestId,
    entityId: order.entityId,
    brandId: order.brandId,
    actor,
    from: from ? { status: from, label: ORDER_STATUS_LABELS[from] } : null,
    to:
      from === null && step.action !== 'place'
        ? null
        : { status: order.status, label: ORDER_STATUS_LABELS[order.status] },
    ...step,
    step: PUBLISHED_ORDER_STEPS[step.action],
    search: {
      references: [
        order.reference,
        ...(order.ugapReference ? [order.ugapReference] : []),
        ...(order.legalCommitmentNumber ? [order.legalCommitmentNumber] : []),
      ],
      title: `Commande ${order.reference}`,
      text: order.projectName ?? undefined,
    },
  });
}

/** A document issued once (subscription order, delivery note, invoice): its creation is its history. */
function recordIssued(
  em: EntityManager,
  subjectType: HistorySubject,
  subject: { id: string; number: string },
  order: Pick<Order, 'id' | 'requestId' | 'entityId' | 'brandId'>,
  actor: Actor,
  summary: { fr: string; en: string },
) {
  return recordHistory(em, HISTORY_SOURCE, {
    subjectType,
    subjectId: subject.id,
    subjectReference: subject.number,
    fileId: order.requestId,
    entityId: order.entityId,
    brandId: order.brandId,
    actor,
    action: 'issue',
    summary,
    search: { references: [subject.number], orderId: order.id },
  });
}

export const recordSubscriptionIssued = (
  em: EntityManager,
  subscription: SubscriptionOrder,
  order: Order,
  actor: Actor,
) =>
  recordIssued(em, HistorySubject.SUBSCRIPTION_ORDER, subscription, order, actor, {
    fr: `Bon de souscription ${subscription.number} émis`,
    en: `Subscription order ${subscription.number} issued`,
  });

export const recordDeliveryIssued = (em: EntityManager, delivery: Delivery, order: Order, actor: Actor) =>
  recordIssued(em, HistorySubject.DELIVERY, delivery, order, actor, {
    fr: `Bon de livraison ${delivery.number} du ${formatDay(delivery.deliveredOn, 'fr')}`,
    en: `Delivery note ${delivery.number} of ${formatDay(delivery.deliveredOn, 'en')}`,
  });

/** A step of an invoice: scheduled, issued, suspended, released, paid, cancelled. */
export function recordInvoiceStep(
  em: EntityManager,
  invoice: Invoice,
  order: Pick<Order, 'id' | 'requestId' | 'entityId' | 'brandId' | 'reference'>,
  actor: Actor,
  from: InvoiceStatus | null,
  step: Step,
) {
  return recordHistory(em, HISTORY_SOURCE, {
    subjectType: HistorySubject.INVOICE,
    subjectId: invoice.id,
    subjectReference: invoice.number,
    fileId: order.requestId,
    entityId: order.entityId,
    brandId: order.brandId,
    actor,
    from: from ? { status: from, label: INVOICE_STATUS_LABELS[from] } : null,
    to: { status: invoice.status, label: INVOICE_STATUS_LABELS[invoice.status] },
    ...step,
    step: PUBLISHED_INVOICE_STEPS[step.action],
    search: {
      references: [invoice.number, ...(invoice.legalCommitmentNumber ? [invoice.legalCommitmentNumber] : [])],
      orderId: order.id,
    },
  });
}

export const recordCreditNoteIssued = (em: EntityManager, note: CreditNote, order: Order, actor: Actor) =>
  recordIssued(em, HistorySubject.CREDIT_NOTE, note, order, actor, {
    fr: `Avoir ${note.number} de ${formatEuros(new Dec(note.amountExclVat), 'fr')} HT sur la facture ${note.invoice.number}`,
    en: `Credit note ${note.number} of ${formatEuros(new Dec(note.amountExclVat), 'en')} excl. VAT on invoice ${note.invoice.number}`,
  });

/** A step of how a request receives proposals (deadline moved or near, a brand declined, sealed proposals opened). */
export function recordConsultationStep(
  em: EntityManager,
  consultation: Pick<Consultation, 'requestId' | 'entityId' | 'fileNumber'>,
  actor: Actor,
  step: Step & { step: FileStep; brandId?: string | null },
) {
  return recordHistory(em, HISTORY_SOURCE, {
    subjectType: HistorySubject.REQUEST,
    subjectId: consultation.requestId,
    subjectReference: consultation.fileNumber,
    fileId: consultation.requestId,
    entityId: consultation.entityId,
    actor,
    ...step,
  });
}
