import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById } from '@nuage/shared';
import { BeneficiaryEntity, Person } from '../entities';

export function createLoaders(em: EntityManager) {
  return {
    entityById: loaderById(em, BeneficiaryEntity),
    personById: loaderById(em, Person),
  };
}
export type RequestsLoaders = ReturnType<typeof createLoaders>;
