import { assertMayReadEntity, callerOf, type SubgraphContext } from '@nuage/shared';
import type { RequestsLoaders } from '../loaders';

/** Resolves other subgraphs' references to an entity, for callers allowed to read it. */
export async function resolveBeneficiaryEntityReference(reference: { id: string }, context: SubgraphContext<RequestsLoaders>) {
  assertMayReadEntity(callerOf(context), reference.id);
  return context.loaders.entityById.load(reference.id);
}
