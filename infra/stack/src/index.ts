export {
  startStack,
  freePort,
  gatewayEnvironment,
  stopChild,
  waitUntilReady,
  type RunningStack,
  type StackOptions,
} from './stack';
export { startEmbeddedPostgres, type RunningPostgres } from './postgres';
export { ensureDevKeys, signToken, tokenSigner } from './keys';
export { startTestStack, UNHURRIED_RATE_ENVIRONMENT, type TestStack } from './test-stack';
export { stackClient, type StackClient } from './stack-client';
export {
  BUYER_DASHBOARD,
  activateOrder,
  declareIncompleteOrder,
  inDays,
  placeOrderWithOvh,
  submitRequestSolicitingTwoBrands,
  type JourneyClient,
} from './journey';
export { repoRoot, schemaDir, SUBGRAPHS, type SubgraphName } from './paths';
export { apiSchema, probesOf, setIn, type Leaf, type Probe } from './probes';
