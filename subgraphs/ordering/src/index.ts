export { ordering } from './subgraph';
