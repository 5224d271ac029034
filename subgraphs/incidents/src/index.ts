export { incidents } from './subgraph';
