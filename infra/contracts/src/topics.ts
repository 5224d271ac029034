import type { HistoryRecorded } from './history.js';
import type { BuyerParty, LegalParty, MarketParties } from './parties.js';
import type { Role } from './roles.js';

/**
 * The events subgraphs exchange: one map from topic to payload (`EventPayloads`), who consumes each
 * topic (`SUBSCRIPTIONS`) and which file each event is about (`FILE_OF`, the key its order is kept
 * by). The contract between producers and consumers, written once; payloads carry what consumers
 * need to keep their own copy, never a live link.
 */
export const TOPICS = {
  /** Catalogue: a solution was added or changed (retired included). */
  solutionChanged: 'catalogue.solution.changed',
  /** Catalogue: a product reference was added or changed. */
  productChanged: 'catalogue.product.changed',
  /** Catalogue: a brand's legal identity was set or corrected (documents name it). */
  brandChanged: 'catalogue.brand.changed',
  /** Catalogue: a market's parties were set or corrected (documents name them). */
  marketChanged: 'catalogue.market.changed',
  /** Catalogue: a buyer recorded a guided-choice evaluation. */
  guidedChoiceRecorded: 'catalogue.guided-choice.recorded',
  /** Requests: a request was submitted; the solicited brands may now answer it. */
  requestSubmitted: 'requests.request.submitted',
  /** Requests: a request was cancelled; its solicitations close. */
  requestCancelled: 'requests.request.cancelled',
  /** Ordering: the solicited brands of a request were notified (the request awaits them). */
  solicitationOpened: 'ordering.solicitation.opened',
  /** Ordering: a supplier submitted (or revised) a proposal on a request. */
  proposalSubmitted: 'ordering.proposal.submitted',
  /** Ordering: the buyer accepted a proposal; the order exists. */
  proposalAccepted: 'ordering.proposal.accepted',
  /** Ordering: the supplier declared an order's services open; the buyer must validate them. */
  servicesOpened: 'ordering.services.opened',
  /** Ordering: the buyer reported a problem with the services declared open (an incident to open). */
  activationDisputed: 'ordering.activation.disputed',
  /** Ordering: an order was placed (acceptance of a proposal). */
  orderPlaced: 'ordering.order.placed',
  /** Ordering: the buyer validated an order's activation; its commitments run from today. */
  orderActivated: 'ordering.order.activated',
  /** Consumption: a line crossed an alert threshold, or its forecast runs out before its due date. */
  alertRaised: 'consumption.alert.raised',
  /** Consumption: from an alert, the buyer asks to renew (credits): the requests subgraph starts a renewal draft. */
  renewalRequested: 'consumption.renewal.requested',
  /** Ordering: a credit note was issued on an incident: the incident is resolved with that credit. */
  creditNoteIssued: 'ordering.credit-note.issued',
  /** Incidents: an incident was declared on an order (the order is disputed while one is open). */
  incidentOpened: 'incidents.incident.opened',
  /** Incidents: an incident was closed or rejected. */
  incidentClosed: 'incidents.incident.closed',
  /** Any subgraph: a step of a file's history, for the file's timeline, notifications and search. */
  historyRecorded: 'history.recorded',
} as const;

export interface SolutionChanged {
  id: string;
  brandId: string;
  name: string;
  retired: boolean;
}

export interface ProductChanged {
  id: string;
  brandId: string;
  solutionId: string | null;
  code: string;
  designation: string;
  retired: boolean;
}

export interface BrandChanged {
  id: string;
  name: string;
  /** The company that contracts for the brand, as documents name it. */
  legal: LegalParty;
}

export interface MarketChanged extends MarketParties {
  id: string;
  code: string;
}

export interface GuidedChoiceRecorded {
  id: string;
  entityId: string;
  projectName: string;
  matches: { brandId: string; solutionId: string }[];
  /** Its PAAC report, for the documents of the request built on it. */
  report: IssuedDocument;
}

/** A document a subgraph issued and serves itself, as the file's documents list it. */
export interface IssuedDocument {
  /** What it is: "REPORT" (PAAC), "PURCHASE_REQUEST", "SUBSCRIPTION_ORDER". */
  kind: string;
  fileName: string;
  /** Bytes; null when laid out on demand. */
  size: number | null;
  /** Its path on the gateway (GET with the caller's bearer token; the issuer checks the rights). */
  downloadUrl: string;
  issuedById: string;
  issuedByName: string;
  issuedByRole: Role;
  /** ISO 8601. */
  issuedAt: string;
}

export interface RequestSubmitted {
  requestId: string;
  fileNumber: string;
  entityId: string;
  /** The buying entity's SIRET, for renewal searches. */
  entitySiret: string;
  /** The buying entity as its profile stands at submission, for the documents of the file. */
  entity: BuyerParty;
  kind: string;
  projectName: string;
  /** The solicited brands, each with the solutions the buyer selected. */
  brands: { brandId: string; solutionIds: string[] }[];
  /** For a renewal, the order lines it renews (their subscription is extended from their due date). */
  renewedOrderLineIds: string[];
  /** The recorded guided choice it is built on, if any: its solicited brands may then read it. */
  guidedChoiceId: string | null;
  submittedAt: string;
  /** ISO 8601: proposals are received until then (the buyer may extend it). */
  responseDeadline?: string;
  /** Whether its proposals stay sealed until the deadline (or every brand answered and the buyer opens them). */
  sealed?: boolean;
  /** The need's estimated duration, in months, for the like-for-like comparison of its proposals. */
  durationMonths?: number | null;
  /** What a renewal or complementary request lists, for the comparison of what each proposal covers. */
  items?: { productCode: string | null; designation: string; quantity: string }[];
}

export interface RequestCancelled {
  requestId: string;
}

export interface SolicitationOpened {
  requestId: string;
  brandIds: string[];
}

export interface OrderActivated {
  orderId: string;
  reference: string;
  requestId: string | null;
  entityId: string;
  brandId: string;
  projectName: string | null;
  startDate: string;
  /** Last day of the commitment; for an order without one, a year after the start. */
  dueDate: string;
  /**
   * Each line's committed amount excl. VAT (its total). Credits a buyer renewed top up the line
   * they were stated on (`topsUpOrderLineId`): its commitment grows, its usage goes on there.
   */
  lines: { orderLineId: string; designation: string; committedAmount: string; topsUpOrderLineId?: string | null }[];
}

export interface RenewalRequested {
  alertId: string;
  /** The id the renewal draft takes in the requests subgraph. */
  draftId: string;
  requestId: string | null;
  orderId: string;
  orderLineId: string;
  brandId: string;
  entityId: string;
  designation: string;
  /** The amount excl. VAT the buyer states, converted into credits. */
  amount: string;
  requestedById: string;
  requestedByName: string;
}

export interface AlertRaised {
  alertId: string;
  entityId: string;
  orderId?: string;
  /** The file (request) of the order, when known. */
  requestId?: string | null;
  orderReference: string;
  designation: string;
  kind: 'THRESHOLD' | 'FORECAST';
  threshold: number | null;
  percentUsed: string;
  /** Null when there is not yet enough history for a forecast. */
  proposedRenewal: string | null;
}

export interface OrderPlaced {
  orderId: string;
  reference: string;
  entityId: string;
  brandId: string;
  /** The file (request) it was placed from. */
  requestId?: string | null;
  projectName: string | null;
  /** Its lines, for the buyer's renewals and complementary orders. */
  lines: { orderLineId: string; designation: string; productCode: string | null }[];
}

export interface IncidentOpened {
  incidentId: string;
  number: string;
  orderId: string;
}

export interface IncidentClosed {
  incidentId: string;
  orderId: string;
}

export interface ServicesOpened {
  orderId: string;
  orderReference: string;
  entityId: string;
  brandId: string;
  fileNumber: string | null;
  note: string | null;
}

export interface ActivationDisputed {
  orderId: string;
  orderReference: string;
  requestId?: string | null;
  entityId: string;
  brandId: string;
  description: string;
  reportedById: string;
  reportedByName: string;
}

export interface CreditNoteIssued {
  creditNoteId: string;
  number: string;
  incidentId: string;
  orderId: string;
  invoiceNumber: string;
  /** Excl. VAT, in euros ("120.00"). */
  amountExclVat: string;
  reason: string;
  statedByName: string;
  /** Its share on each order line of the invoice, excl. VAT. */
  lines: { orderLineId: string; amountExclVat: string }[];
}

export interface ProposalSubmitted {
  requestId: string;
  proposalId: string;
  brandId: string;
}

export interface ProposalAccepted {
  requestId: string;
  proposalId: string;
  orderId: string;
  /** The purchase request and the subscription order it issued. */
  documents: IssuedDocument[];
}

/** What each topic carries: `publish` and every handler are typed by it. */
export interface EventPayloads {
  [TOPICS.solutionChanged]: SolutionChanged;
  [TOPICS.productChanged]: ProductChanged;
  [TOPICS.brandChanged]: BrandChanged;
  [TOPICS.marketChanged]: MarketChanged;
  [TOPICS.guidedChoiceRecorded]: GuidedChoiceRecorded;
  [TOPICS.requestSubmitted]: RequestSubmitted;
  [TOPICS.requestCancelled]: RequestCancelled;
  [TOPICS.solicitationOpened]: SolicitationOpened;
  [TOPICS.proposalSubmitted]: ProposalSubmitted;
  [TOPICS.proposalAccepted]: ProposalAccepted;
  [TOPICS.servicesOpened]: ServicesOpened;
  [TOPICS.activationDisputed]: ActivationDisputed;
  [TOPICS.orderPlaced]: OrderPlaced;
  [TOPICS.orderActivated]: OrderActivated;
  [TOPICS.alertRaised]: AlertRaised;
  [TOPICS.renewalRequested]: RenewalRequested;
  [TOPICS.incidentOpened]: IncidentOpened;
  [TOPICS.incidentClosed]: IncidentClosed;
  [TOPICS.creditNoteIssued]: CreditNoteIssued;
  [TOPICS.historyRecorded]: HistoryRecorded;
}

export type Topic = keyof EventPayloads;

/**
 * The topics each subgraph consumes: it receives those, and only those, on its own queue. A
 * subgraph's handlers must cover exactly its list (their type says so).
 */
export const SUBSCRIPTIONS = {
  catalogue: [TOPICS.requestSubmitted],
  requests: [
    TOPICS.solutionChanged,
    TOPICS.productChanged,
    TOPICS.guidedChoiceRecorded,
    TOPICS.historyRecorded,
    TOPICS.orderPlaced,
    TOPICS.solicitationOpened,
    TOPICS.proposalSubmitted,
    TOPICS.proposalAccepted,
    TOPICS.alertRaised,
    TOPICS.renewalRequested,
    TOPICS.servicesOpened,
  ],
  ordering: [
    TOPICS.brandChanged,
    TOPICS.marketChanged,
    TOPICS.requestSubmitted,
    TOPICS.requestCancelled,
    TOPICS.incidentOpened,
    TOPICS.incidentClosed,
  ],
  incidents: [TOPICS.orderPlaced, TOPICS.activationDisputed, TOPICS.creditNoteIssued],
  consumption: [TOPICS.orderActivated, TOPICS.creditNoteIssued],
} as const satisfies Record<string, readonly Topic[]>;

export type Consumer = keyof typeof SUBSCRIPTIONS;
/** The topics a subgraph consumes. */
export type TopicsOf<C extends Consumer> = (typeof SUBSCRIPTIONS)[C][number];

/** The subgraphs that consume a topic. */
export const consumersOf = (topic: Topic): Consumer[] =>
  (Object.keys(SUBSCRIPTIONS) as Consumer[]).filter((consumer) =>
    (SUBSCRIPTIONS[consumer] as readonly Topic[]).includes(topic),
  );

const request = (id: string) => `request/${id}`;
const order = (id: string) => `order/${id}`;

/**
 * The file each event is about: a consumer applies the events of one file in the order they were
 * produced (and those of different files in parallel). A request's events follow the request; an
 * order's (its activation, incidents, consumption) follow the order.
 */
export const FILE_OF: { [T in Topic]: (payload: EventPayloads[T]) => string } = {
  [TOPICS.solutionChanged]: (p) => `solution/${p.id}`,
  [TOPICS.productChanged]: (p) => `product/${p.id}`,
  [TOPICS.brandChanged]: (p) => `brand/${p.id}`,
  [TOPICS.marketChanged]: (p) => `market/${p.id}`,
  [TOPICS.guidedChoiceRecorded]: (p) => `guided-choice/${p.id}`,
  [TOPICS.requestSubmitted]: (p) => request(p.requestId),
  [TOPICS.requestCancelled]: (p) => request(p.requestId),
  [TOPICS.solicitationOpened]: (p) => request(p.requestId),
  [TOPICS.proposalSubmitted]: (p) => request(p.requestId),
  [TOPICS.proposalAccepted]: (p) => request(p.requestId),
  [TOPICS.servicesOpened]: (p) => order(p.orderId),
  [TOPICS.activationDisputed]: (p) => order(p.orderId),
  [TOPICS.orderPlaced]: (p) => order(p.orderId),
  [TOPICS.orderActivated]: (p) => order(p.orderId),
  [TOPICS.alertRaised]: (p) => (p.orderId ? order(p.orderId) : `alert/${p.alertId}`),
  [TOPICS.renewalRequested]: (p) => order(p.orderId),
  [TOPICS.incidentOpened]: (p) => order(p.orderId),
  [TOPICS.incidentClosed]: (p) => order(p.orderId),
  [TOPICS.creditNoteIssued]: (p) => order(p.orderId),
  [TOPICS.historyRecorded]: ({ entry }) =>
    entry.fileId ? request(entry.fileId) : `${entry.subjectType.toLowerCase()}/${entry.subjectId}`,
};
