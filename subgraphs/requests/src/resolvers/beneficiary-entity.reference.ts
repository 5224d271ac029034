import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to an entity, batched; null for a caller who may not read it (see `readableEntities`). */
export function resolveBeneficiaryEntityReference(reference: { id: string }, context: Context) {
  callerOf(context);
  return context.loaders.readableEntityById.load(reference.id);
}
