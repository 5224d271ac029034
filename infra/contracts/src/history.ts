import type { Bilingual } from './i18n.js';

/** What a history entry is about. */
export enum HistorySubject {
  REQUEST = 'REQUEST',
  PROPOSAL = 'PROPOSAL',
  SUBSCRIPTION_ORDER = 'SUBSCRIPTION_ORDER',
  ORDER = 'ORDER',
  DELIVERY = 'DELIVERY',
  ACTIVATION = 'ACTIVATION',
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
  INCIDENT = 'INCIDENT',
}

export const HISTORY_SUBJECT_LABELS: Record<HistorySubject, Bilingual> = {
  REQUEST: { fr: 'Demande', en: 'Request' },
  PROPOSAL: { fr: 'Proposition commerciale', en: 'Proposal' },
  SUBSCRIPTION_ORDER: { fr: 'Bon de souscription', en: 'Subscription order' },
  ORDER: { fr: 'Commande', en: 'Order' },
  DELIVERY: { fr: 'Bon de livraison', en: 'Delivery' },
  ACTIVATION: { fr: 'Mise en service', en: 'Service activation' },
  INVOICE: { fr: 'Facture', en: 'Invoice' },
  CREDIT_NOTE: { fr: 'Avoir', en: 'Credit note' },
  INCIDENT: { fr: 'Incident', en: 'Incident' },
};

/**
 * The steps of a file that other subgraphs react to (notifications, emails), by published name:
 * the producer maps its own transitions to these, so a consumer never depends on another
 * subgraph's transition names.
 */
export enum FileStep {
  /** A request was submitted: each solicited brand has it to answer. */
  REQUEST_SUBMITTED = 'REQUEST_SUBMITTED',
  /** The buyer changed a submitted request (its reference, its need). */
  REQUEST_UPDATED = 'REQUEST_UPDATED',
  REQUEST_CANCELLED = 'REQUEST_CANCELLED',
  /** A message was posted on a file's thread (a request's, an incident's). */
  MESSAGE_POSTED = 'MESSAGE_POSTED',
  /** The buyer moved the response deadline of a request later. */
  RESPONSE_DEADLINE_EXTENDED = 'RESPONSE_DEADLINE_EXTENDED',
  /** The response deadline of a request is near and the brand has not answered. */
  RESPONSE_DEADLINE_NEAR = 'RESPONSE_DEADLINE_NEAR',
  /** A solicited brand declined to answer a request. */
  SOLICITATION_DECLINED = 'SOLICITATION_DECLINED',
  /** The sealed proposals of a request were opened (at the deadline, or early by the buyer). */
  PROPOSALS_OPENED = 'PROPOSALS_OPENED',
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  PROPOSAL_REVISED = 'PROPOSAL_REVISED',
  /** A buyer stated credits to add to an order line (a proposal of its own, for its managers). */
  CREDITS_STATED = 'CREDITS_STATED',
  PROPOSAL_APPROVED = 'PROPOSAL_APPROVED',
  PROPOSAL_REJECTED = 'PROPOSAL_REJECTED',
  /** The buyer accepted a proposal: its order is placed, for UGAP to validate. */
  PROPOSAL_ACCEPTED = 'PROPOSAL_ACCEPTED',
  PROPOSAL_REFUSED = 'PROPOSAL_REFUSED',
  /** Another proposal was accepted, or the supplier withdrew it. */
  PROPOSAL_CLOSED = 'PROPOSAL_CLOSED',
  ORDER_VALIDATED = 'ORDER_VALIDATED',
  DELAY_REQUESTED = 'DELAY_REQUESTED',
  DELAY_ANSWERED = 'DELAY_ANSWERED',
  DELIVERY_RECORDED = 'DELIVERY_RECORDED',
  SERVICES_OPENED = 'SERVICES_OPENED',
  ACTIVATION_VALIDATED = 'ACTIVATION_VALIDATED',
  ACTIVATION_DISPUTED = 'ACTIVATION_DISPUTED',
  INCIDENT_OPENED = 'INCIDENT_OPENED',
  /** Any other step of an incident: taken in charge, answered, reopened… */
  INCIDENT_UPDATED = 'INCIDENT_UPDATED',
  /** An incident was resolved or closed. */
  INCIDENT_RESOLVED = 'INCIDENT_RESOLVED',
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  INVOICE_SUSPENDED = 'INVOICE_SUSPENDED',
  INVOICE_PAID = 'INVOICE_PAID',
}

/** One recorded step, as published for the file's timeline. */
export interface HistoryEntryRecord {
  id: string;
  /** ISO 8601. */
  at: string;
  subjectType: HistorySubject;
  subjectId: string;
  subjectReference: string;
  fileId: string | null;
  entityId: string | null;
  brandId: string | null;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  action: string;
  /** What the step is, by published name, when others react to it. */
  step?: FileStep | null;
  fromStatus: string | null;
  toStatus: string | null;
  summaryFr: string;
  summaryEn: string;
  comment: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
  /** The subgraph that recorded it. */
  source: string;
}

/** What the file search should find a subject by, and the order it belongs to. */
export interface HistorySearchTerms {
  references?: string[];
  text?: string;
  title?: string;
  orderId?: string;
}

export interface HistoryRecorded {
  entry: HistoryEntryRecord;
  search?: HistorySearchTerms;
}
