export { Order, OrderStatus, ORDER_STATUS_LABELS } from './order.js';
export { OrderLine } from './order-line.js';
export { Solicitation } from './solicitation.js';
export {
  Proposal,
  ProposalLine,
  ProposalOrigin,
  ProposalStatus,
  PROPOSAL_STATUS_LABELS,
  IdempotencyKey,
} from './proposal.js';
export { SubscriptionOrder, ProposalDocument, ProposalDocumentKind } from './subscription-order.js';
export { BrandReference, BeneficiaryEntityReference, RequestReference, DashboardReference } from './references.js';
export { DelayRequest, DelayStatus, Delivery, DeliveryLine, Invoice, FULFILMENT_ENTITIES } from './fulfilment.js';
export { OrderIncident } from './order-incident.js';
