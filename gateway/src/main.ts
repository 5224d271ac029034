import { startTelemetry } from '@nuage/platform/telemetry';

// Tracing starts before the modules it instruments are loaded (HTTP, GraphQL, PostgreSQL clients).
await startTelemetry('gateway');
const { startGateway } = await import('./gateway.js');
const { gatewayOptionsFromEnv } = await import('./settings.js');

/** Runs the gateway as its own process, configured by its environment (README, "Configuration"). */
const gateway = await startGateway(gatewayOptionsFromEnv(process.env));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void gateway.close().then(() => process.exit(0)));
}
