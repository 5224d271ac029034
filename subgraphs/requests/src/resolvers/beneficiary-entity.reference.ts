import { callerOf, type SubgraphContext } from '@nuage/shared';
import type { RequestsLoaders } from '../loaders';

/** Resolves other subgraphs' references to an entity, batched; null for a caller who may not read it (see `readableEntities`). */
export function resolveBeneficiaryEntityReference(
  reference: { id: string },
  context: SubgraphContext<RequestsLoaders>,
) {
  callerOf(context);
  return context.loaders.readableEntityById.load(reference.id);
}
