export { startGateway, type GatewayOptions } from './gateway';
export { authConfigFromEnv, createTokenVerifier, type AuthConfig } from './auth';
export {
  DEFAULT_LIMITS,
  rateLimitVariable,
  type BucketSize,
  type BucketOwner,
  type GatewayLimits,
} from './limits/config';
export { manifestOf, TrustedDocuments, type TrustedDocumentsManifest } from './limits/trusted-documents';
export { gatewaySettingsFromEnv, type Exposure, type GatewaySettings } from './settings';
export { admission } from './admission';
export { CostModel } from './limits/cost';
