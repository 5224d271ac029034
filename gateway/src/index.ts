export { startGateway, type GatewayOptions } from './gateway.js';
export { createTokenVerifier, type AuthConfig } from './auth.js';
export {
  DEFAULT_LIMITS,
  rateLimitVariable,
  type BucketSize,
  type BucketOwner,
  type GatewayLimits,
} from './limits/config.js';
export { manifestOf, TrustedDocuments, type TrustedDocumentsManifest } from './limits/trusted-documents.js';
export {
  authConfigFromEnv,
  GATEWAY_SETTINGS,
  gatewayOptionsFromEnv,
  subgraphUrlVariable,
  type Exposure,
} from './settings.js';
export { admission } from './admission.js';
export { CostModel } from './limits/cost.js';
