export { BeneficiaryEntity } from './beneficiary-entity.js';
export { Person } from './person.js';
export {
  BrandReference,
  SolutionReference,
  GuidedChoiceReference,
  ProductReference,
  OrderReference,
  ProposalReference,
  IncidentReference,
  InvoiceReference,
} from './brand.js';
export { Team } from './team.js';
export { Project } from './project.js';
export { ServiceRequest, RequestKind, RequestStatus, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from './request.js';
export { RequestSolution } from './request-solution.js';
export { RequestItem } from './request-item.js';
export { KnownSolution, KnownProduct, KnownGuidedChoice } from './catalogue-copy.js';
export { KnownOrder } from './order-copy.js';
export { Notification, NotificationKind, NOTIFICATION_KIND_LABELS } from './notification.js';
export { SearchDocument } from './search-document.js';
export { FeedEvent, EventType, EVENT_TYPE_LABELS } from './feed-event.js';
export { WebhookEndpoint, WebhookDelivery, WebhookOwner, WebhookDeliveryStatus } from './webhook.js';
