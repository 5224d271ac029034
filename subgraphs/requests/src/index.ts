export { requests } from './subgraph';
export { seedPeople, identityOf, SEED_ENTITY } from './seed';
