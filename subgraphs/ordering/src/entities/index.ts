export { Order, OrderStatus, ORDER_STATUS_LABELS } from './order.js';
export { OrderLine } from './order-line.js';
export { Solicitation } from './solicitation.js';
export { Consultation, DeadlineExtension, ProposalOpening, type NeedItem } from './consultation.js';
export {
  Proposal,
  ProposalLine,
  ProposalOrigin,
  ProposalStatus,
  PROPOSAL_STATUS_LABELS,
  IdempotencyKey,
} from './proposal.js';
export { SubscriptionOrder, ProposalDocument, ProposalDocumentKind } from './subscription-order.js';
export {
  BrandReference,
  BeneficiaryEntityReference,
  RequestReference,
  DashboardReference,
  IncidentReference,
} from './references.js';
export { DelayRequest, DelayStatus, Delivery, DeliveryLine, FULFILMENT_ENTITIES } from './fulfilment.js';
export {
  BILLING_ENTITIES,
  CreditNote,
  CreditNoteLine,
  INVOICE_STATUS_LABELS,
  Invoice,
  InvoiceLine,
  InvoiceStatus,
} from './billing.js';
export { KnownBrand, KnownMarket, PARTY_ENTITIES } from './parties.js';
export { OrderIncident } from './order-incident.js';
