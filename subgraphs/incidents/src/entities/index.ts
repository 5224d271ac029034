export { IncidentType } from './incident-type';
export { Incident, IncidentSource, IncidentStatus, INCIDENT_STATUS_LABELS, KnownOrder } from './incident';
export { OrderReference, BrandReference } from './references';
