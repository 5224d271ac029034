/**
 * The contracts between services: vocabulary only (roles, error codes, events and their payloads,
 * history subjects), with no dependency, so that any service or client may import it.
 */
export * from './i18n.js';
export * from './roles.js';
export * from './errors.js';
export * from './topics.js';
export * from './history.js';
export * from './billing.js';
export * from './parties.js';
export * from './subgraphs.js';
