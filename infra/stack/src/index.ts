export {
  startStack,
  freePort,
  gatewayEnvironment,
  stopChild,
  waitUntilReady,
  type RunningStack,
  type StackOptions,
} from './stack.js';
export { startEmbeddedPostgres, type RunningPostgres } from './postgres.js';
export { ensureDevKeys, signToken, tokenSigner } from './keys.js';
export { startTestStack, UNHURRIED_RATE_ENVIRONMENT, type TestStack } from './test-stack.js';
export { stackClient, type StackClient } from './stack-client.js';
export {
  ACCEPT_PROPOSAL,
  BUYER_DASHBOARD,
  activateOrder,
  approvedProposalWithOvh,
  declareIncompleteOrder,
  inDays,
  PEOPLE,
  placeOrderWithOvh,
  submitRequestSolicitingTwoBrands,
  type JourneyClient,
} from './journey.js';
export { repoRoot, schemaDir, SUBGRAPHS, type SubgraphName } from './paths.js';
export { loadDefinition } from './definitions.js';
export { apiSchema, probesOf, setIn, type Leaf, type Probe } from './probes.js';
export * from './metrics-client.js';
