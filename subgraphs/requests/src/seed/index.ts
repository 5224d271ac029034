import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, stableId, type Identity } from '@nuage/shared';
import { SEED_BRANDS } from '@nuage/catalogue/seed-brands';
import { BeneficiaryEntity, Person } from '../entities';

export const SEED_ENTITY = {
  id: stableId('entity', '13002526500013'),
  name: 'Entité de démonstration',
  siret: '13002526500013',
  address: '20 avenue de Ségur, 75007 Paris',
};

/** A second buyer, so that a fresh stack shows that entities are walled off from each other. */
export const OTHER_SEED_ENTITY = {
  id: stableId('entity', '21690012300011'),
  name: 'Commune de démonstration',
  siret: '21690012300011',
  address: '1 place de la Mairie, 69001 Lyon',
};
const SEED_ENTITIES = [SEED_ENTITY, OTHER_SEED_ENTITY];

interface SeedPerson {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  entityId?: string;
  brandId?: string;
  brandName?: string;
}

const person = (p: Omit<SeedPerson, 'key'> & { key?: string }): SeedPerson => ({ key: p.key ?? p.email, ...p });

/** The seeded accounts, one per role, and a supplier account for each brand (its id from the catalogue's stable ids). */
export function seedPeople(brands: { id: string; name: string; slug: string }[]): SeedPerson[] {
  return [
    person({
      key: 'beneficiary',
      firstName: 'Clara',
      lastName: 'Maurice',
      email: 'clara.maurice@entite.gouv.fr',
      role: Role.BENEFICIARY,
      entityId: SEED_ENTITY.id,
    }),
    person({
      key: 'manager',
      firstName: 'Marc',
      lastName: 'Lefèvre',
      email: 'marc.lefevre@entite.gouv.fr',
      role: Role.MANAGER,
      entityId: SEED_ENTITY.id,
    }),
    person({
      key: 'stranger',
      firstName: 'Paul',
      lastName: 'Durand',
      email: 'paul.durand@commune-demo.fr',
      role: Role.BENEFICIARY,
      entityId: OTHER_SEED_ENTITY.id,
    }),
    person({
      key: 'market-holder',
      firstName: 'Sophie',
      lastName: 'Bernard',
      email: 'sophie.bernard@crayon-smlb.fr',
      role: Role.MARKET_HOLDER,
    }),
    person({ key: 'ugap', firstName: 'Julien', lastName: 'Robert', email: 'julien.robert@ugap.fr', role: Role.UGAP }),
    person({ key: 'analyst', firstName: 'Inès', lastName: 'Petit', email: 'ines.petit@ugap.fr', role: Role.ANALYST }),
    ...brands.map((brand) =>
      person({
        key: `supplier:${brand.slug}`,
        firstName: 'Service',
        lastName: `commercial ${brand.name}`,
        email: `nuage-public@${brand.slug}.example`,
        role: Role.SUPPLIER,
        brandId: brand.id,
        brandName: brand.name,
      }),
    ),
  ];
}

export const personId = (p: SeedPerson) => stableId('person', p.email);

/** The identity a seeded person gets in a token (`npm run token`). */
export const identityOf = (p: SeedPerson): Identity => ({
  userId: personId(p),
  role: p.role,
  name: `${p.firstName} ${p.lastName}`,
  ...(p.entityId ? { entityId: p.entityId, entityName: SEED_ENTITIES.find((e) => e.id === p.entityId)!.name } : {}),
  ...(p.brandId ? { brandId: p.brandId } : {}),
});

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

/** The identity of a seeded account by its key ("beneficiary", "supplier:ovhcloud"…), for tokens and tests. */
export function seededIdentity(key: string): Identity {
  const person = seedPeople(SEED_BRANDS).find((p) => p.key === key);
  if (!person) throw new Error(`No seeded account "${key}".`);
  return identityOf(person);
}
