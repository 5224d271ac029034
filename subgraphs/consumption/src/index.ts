export { consumption } from './subgraph';
