export { IncidentType } from './incident-type';
