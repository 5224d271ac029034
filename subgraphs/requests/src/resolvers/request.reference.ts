import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to requests, batched, for callers allowed to read them (null otherwise). */
export const resolveRequestReference = (reference: { id: string }, context: Context) =>
  context.loaders.readableRequestById.load(reference.id);
