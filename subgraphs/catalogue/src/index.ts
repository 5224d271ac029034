export { catalogue } from './subgraph';
export { SEED_BRANDS } from './seed/brands';
