export { ordering } from './subgraph.js';
