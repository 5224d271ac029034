export { startGateway, type GatewayOptions } from './gateway';
export { authConfigFromEnv, createTokenVerifier, type AuthConfig } from './auth';
