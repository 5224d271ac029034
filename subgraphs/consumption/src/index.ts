export { consumption } from './subgraph.js';
