import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@nuage/contracts';
import type { Identity } from './identity.js';
import { unauthenticated } from './errors.js';

/**
 * What every resolver of a subgraph receives: who calls, in which language, a fresh unit of work,
 * its loaders, and the opt-in services the subgraph declared (mail, files…).
 */
export type SubgraphContext<Loaders = unknown, Services extends object = object> = Services & {
  identity: Identity | null;
  locale: Locale;
  /** A fresh EntityManager for this request only (its own identity map). */
  em: EntityManager;
  /** DataLoaders for this request only, so batching never leaks data between callers. */
  loaders: Loaders;
};

/** The caller, or UNAUTHENTICATED: what `@Caller()` gives a resolver, for the code that has no decorators (federation references). */
export function callerOf(context: { identity: Identity | null }): Identity {
  if (!context.identity) throw unauthenticated();
  return context.identity;
}
