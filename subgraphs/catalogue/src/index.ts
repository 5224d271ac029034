export { catalogue } from './subgraph.js';
/** Synthetic solutions for load tests (the bench's 10,000-solution catalogue). */
export { addGeneratedSolutions } from './seed/generated.js';
