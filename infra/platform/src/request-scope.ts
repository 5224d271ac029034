import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Locale } from '@nuage/contracts';

/** A job a mutation waits for: an event's, on its consumer's queue (not waited for while that consumer lags), or an effect's. */
export interface AwaitedJob {
  id: string;
  consumerQueue?: string;
}

/** What every part of a request's work may need without being handed it: its id (logs, errors) and language. */
export interface RequestScope {
  requestId: string;
  locale: Locale;
  /** Aborted when the caller goes away before the answer: the work left is not worth doing. */
  signal?: AbortSignal;
  /** The engine's jobs of what this request published or asked for, which a mutation waits for before answering. */
  awaitedJobs?: AwaitedJob[];
  /** It asked for work it does not wait for (a webhook): relayed as it answers all the same. */
  relayNow?: boolean;
  /** It is a query: nothing it reads is changed or flushed, so its reads need no change tracking. */
  readOnly?: boolean;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The header that carries a request's id from the client (or the gateway) to the subgraphs, and back. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The caller's id when it is a reasonable one (letters, digits, `-`, `_`, `.`, up to 64); a new one otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

export const runInRequest = <T>(request: RequestScope, work: () => T): T => scope.run(request, work);
export const currentRequest = (): RequestScope | undefined => scope.getStore();

/**
 * Options for the reads of lists: in a query, rows are read without the unit of work's identity
 * map and snapshots, which nothing in a query needs (nothing it reads is flushed) and which cost
 * more than reading the rows (MikroORM was a quarter to a third of a subgraph's CPU per dashboard).
 */
export const readingOptions = (): { disableIdentityMap?: true } =>
  scope.getStore()?.readOnly ? { disableIdentityMap: true } : {};

/** The caller went away before its answer: raised to stop resolving what nobody will read. */
export class AbandonedRequest extends Error {
  constructor() {
    super('The caller went away before the answer.');
    this.name = 'AbandonedRequest';
  }
}

/** Throws when the request being served was abandoned by its caller. */
export function assertStillWanted(): void {
  if (scope.getStore()?.signal?.aborted) throw new AbandonedRequest();
}
