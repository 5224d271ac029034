import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from './identity';
import type { Locale } from './i18n';
import { unauthenticated } from './errors';
import type { FileStore } from './files';
import type { Mailer } from './mail';

/** What every resolver of a subgraph receives: who calls, in which language, and a fresh unit of work. */
export interface SubgraphContext<Loaders = unknown> {
  identity: Identity | null;
  locale: Locale;
  /** A fresh EntityManager for this request only (its own identity map). */
  em: EntityManager;
  /** DataLoaders for this request only, so batching never leaks data between callers. */
  loaders: Loaders;
  /** Where uploaded files are kept. */
  files: FileStore;
  /** Sends email (SMTP, or the local mail folder). */
  mailer: Mailer;
}

/** The caller, or UNAUTHENTICATED. */
export function callerOf(context: SubgraphContext): Identity {
  if (!context.identity) throw unauthenticated();
  return context.identity;
}
