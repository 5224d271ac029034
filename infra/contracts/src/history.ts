import type { Bilingual } from './i18n';

/** What a history entry is about. */
export enum HistorySubject {
  REQUEST = 'REQUEST',
  PROPOSAL = 'PROPOSAL',
  SUBSCRIPTION_ORDER = 'SUBSCRIPTION_ORDER',
  ORDER = 'ORDER',
  DELIVERY = 'DELIVERY',
  ACTIVATION = 'ACTIVATION',
  INVOICE = 'INVOICE',
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
  INCIDENT: { fr: 'Incident', en: 'Incident' },
};

/** The topic on which a subgraph publishes the history entries that belong to a file (a request). */
export const HISTORY_TOPIC = 'history.recorded';

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
