export { Order, OrderStatus, ORDER_STATUS_LABELS } from './order';
export { OrderLine } from './order-line';
export { Solicitation } from './solicitation';
export {
  Proposal,
  ProposalLine,
  ProposalOrigin,
  ProposalStatus,
  PROPOSAL_STATUS_LABELS,
  IdempotencyKey,
} from './proposal';
export { SubscriptionOrder, ProposalDocument, ProposalDocumentKind } from './subscription-order';
export { BrandReference, BeneficiaryEntityReference, RequestReference, DashboardReference } from './references';
export { DelayRequest, DelayStatus, Delivery, DeliveryLine, Invoice, FULFILMENT_ENTITIES } from './fulfilment';
export { OrderIncident } from './order-incident';
