export { incidents } from './subgraph.js';
