export { startStack, freePort, type RunningStack, type StackOptions } from './stack';
export { startEmbeddedPostgres, type RunningPostgres } from './postgres';
export { ensureDevKeys, signToken } from './keys';
export { startTestStack, type TestStack } from './test-stack';
