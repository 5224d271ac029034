export { BeneficiaryEntity } from './beneficiary-entity';
export { Person } from './person';
export {
  BrandReference,
  SolutionReference,
  GuidedChoiceReference,
  ProductReference,
  OrderReference,
  ProposalReference,
  IncidentReference,
} from './brand';
export { Team } from './team';
export { Project } from './project';
export { ServiceRequest, RequestKind, RequestStatus, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from './request';
export { RequestSolution } from './request-solution';
export { RequestItem } from './request-item';
export { KnownSolution, KnownProduct, KnownGuidedChoice } from './catalogue-copy';
export { KnownOrder } from './order-copy';
export { Notification, NotificationKind, NOTIFICATION_KIND_LABELS } from './notification';
export { SearchDocument } from './search-document';
