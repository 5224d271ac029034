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
