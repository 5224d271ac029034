export { requests } from './subgraph';
export { seedPeople, identityOf, seededIdentity, SEED_ENTITY, OTHER_SEED_ENTITY } from './seed';
