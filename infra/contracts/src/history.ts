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
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  PROPOSAL_REVISED = 'PROPOSAL_REVISED',
  /** A buyer stated credits to add to an order line (a proposal of its own, for its managers). */
  CREDITS_STATED = 'CREDITS_STATED',
  PROPOSAL_APPROVED = 'PROPOSAL_APPROVED',
  PROPOSAL_REJECTED = 'PROPOSAL_REJECTED',
  ORDER_VALIDATED = 'ORDER_VALIDATED',
  DELAY_ANSWERED = 'DELAY_ANSWERED',
  SERVICES_OPENED = 'SERVICES_OPENED',
  /** Any step of an incident: declared, taken in charge, answered, resolved… */
  INCIDENT_UPDATED = 'INCIDENT_UPDATED',
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
