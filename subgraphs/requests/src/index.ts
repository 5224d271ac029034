export { requests } from './subgraph';
