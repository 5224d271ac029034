export { BeneficiaryEntity } from './beneficiary-entity';
export { Person } from './person';
export { BrandReference, SolutionReference, GuidedChoiceReference, ProductReference } from './brand';
export { Team } from './team';
export { Project } from './project';
export { ServiceRequest, RequestKind, RequestStatus, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from './request';
export { RequestSolution } from './request-solution';
export { RequestItem } from './request-item';
export { KnownSolution, KnownProduct, KnownGuidedChoice } from './catalogue-copy';
