import type { EntityManager } from '@mikro-orm/postgresql';
import type { GuidedChoiceRecorded, OrderPlaced, ProductChanged, SolutionChanged } from '@nuage/contracts';
import { KnownGuidedChoice, KnownOrder, KnownProduct, KnownSolution } from '../entities/index.js';

/**
 * This subgraph's copies of what others own and its requests name: the catalogue's solutions,
 * products and recorded guided choices, and the orders placed (for renewals and complementary orders).
 */
/** Upserts this subgraph's copy of a catalogue row: the latest event wins, in whatever order they come. */
async function upsert<T extends object>(em: EntityManager, entity: new () => T, id: string, values: Partial<T>) {
  const row = (await em.findOne(entity, { id } as never)) ?? em.create(entity, { id, ...values } as never);
  Object.assign(row, values);
  em.persist(row);
}

export const keepSolution = (em: EntityManager, payload: SolutionChanged) =>
  upsert(em, KnownSolution, payload.id, { brandId: payload.brandId, name: payload.name, retired: payload.retired });

export const keepProduct = (em: EntityManager, payload: ProductChanged) =>
  upsert(em, KnownProduct, payload.id, {
    brandId: payload.brandId,
    code: payload.code,
    designation: payload.designation,
    retired: payload.retired,
  });

export const keepGuidedChoice = (em: EntityManager, payload: GuidedChoiceRecorded) =>
  upsert(em, KnownGuidedChoice, payload.id, {
    entityId: payload.entityId,
    projectName: payload.projectName,
    matches: payload.matches,
    // Events produced before the report was announced carry none.
    report: payload.report ?? null,
  });

export const keepOrder = (em: EntityManager, payload: OrderPlaced) =>
  upsert(em, KnownOrder, payload.orderId, {
    entityId: payload.entityId,
    brandId: payload.brandId,
    reference: payload.reference,
    lines: payload.lines ?? [],
  });
