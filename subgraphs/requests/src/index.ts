export { requests } from './subgraph';
export { seedPeople, identityOf, seededIdentity, SEED_ENTITY } from './seed';
