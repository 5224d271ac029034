import type { EntityManager } from '@mikro-orm/postgresql';
import { personId, SEED_ENTITIES, seedPeople } from '@nuage/fixtures';
import { BeneficiaryEntity, Person } from '../entities/index.js';

/** Inserts the seeded entity and accounts that are missing; never overwrites an existing row. */
export async function seedRequests(
  em: EntityManager,
  brands: { id: string; name: string; slug: string }[],
): Promise<void> {
  const existingEntities = await em.find(BeneficiaryEntity, { id: { $in: SEED_ENTITIES.map((e) => e.id) } });
  const entities = SEED_ENTITIES.map(
    (e) => existingEntities.find((x) => x.id === e.id) ?? em.create(BeneficiaryEntity, e),
  );
  em.persist(entities);
  const people = seedPeople(brands);
  const existing = new Set((await em.find(Person, { id: { $in: people.map(personId) } })).map((p) => p.id));
  for (const p of people) {
    if (existing.has(personId(p))) continue;
    em.persist(
      em.create(Person, {
        id: personId(p),
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: null,
        role: p.role,
        entity: entities.find((e) => e.id === p.entityId) ?? null,
        brandId: p.brandId ?? null,
        activatedAt: new Date(),
      }),
    );
  }
  await em.flush();
}
