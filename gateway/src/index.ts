export { startGateway, type GatewayOptions } from './gateway';
export { authConfigFromEnv, type AuthConfig } from './auth';
