export { IncidentType } from './incident-type.js';
export { Incident, IncidentSource, IncidentStatus, INCIDENT_STATUS_LABELS, KnownOrder } from './incident.js';
export { OrderReference, BrandReference } from './references.js';
