import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from './identity';
import type { Locale } from './i18n';
import { unauthenticated } from './errors';

/** What every resolver of a subgraph receives: who calls, in which language, and a fresh unit of work. */
export interface SubgraphContext<Loaders = unknown> {
  identity: Identity | null;
  locale: Locale;
  /** A fresh EntityManager for this request only (its own identity map). */
  em: EntityManager;
  /** DataLoaders for this request only, so batching never leaks data between callers. */
  loaders: Loaders;
}

/** The caller, or UNAUTHENTICATED. */
export function callerOf(context: SubgraphContext): Identity {
  if (!context.identity) throw unauthenticated();
  return context.identity;
}
