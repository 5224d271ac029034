/**
 * The contracts between services: vocabulary only (roles, error codes, events and their payloads,
 * history subjects), with no dependency, so that any service or client may import it.
 */
export * from './i18n';
export * from './roles';
export * from './errors';
export * from './topics';
export * from './history';
export * from './billing';
