/** The kinds of error a caller can get, in `extensions.code` and in mutation payloads. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
}

/** Codes of errors that are not refusals of the domain: the service failed, or a subgraph could not be reached. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';
/** Too many calls from one client; `extensions.retryAfterSeconds` (and the `Retry-After` header) say when to retry. */
export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * The gateway's refusals of an operation before anything runs (README, "Limits"): too large a
 * shape (`extensions.limit` says which, with `maximum` and `actual`), too high an estimated cost
 * (`estimatedCost`, `maximumCost`, `costliestPath`), or, in trusted-documents mode, not registered.
 */
export const OPERATION_TOO_LARGE = 'OPERATION_TOO_LARGE';
export const OPERATION_TOO_COSTLY = 'OPERATION_TOO_COSTLY';
export const OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';
/** The request's body passed the gateway's cap (HTTP 413). */
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';
/** A subgraph did not answer within its deadline: the fields it was asked for carry this error, with their path. */
export const SERVICE_TIMEOUT = 'SERVICE_TIMEOUT';

/** Which limit of an operation's shape was passed. */
export enum OperationLimit {
  TOKENS = 'TOKENS',
  DEPTH = 'DEPTH',
  ALIASES = 'ALIASES',
  ROOT_FIELDS = 'ROOT_FIELDS',
  DIRECTIVES = 'DIRECTIVES',
  INTROSPECTION_DEPTH = 'INTROSPECTION_DEPTH',
}
