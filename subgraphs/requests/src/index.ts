export { requests } from './subgraph.js';
