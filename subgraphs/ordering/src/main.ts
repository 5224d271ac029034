import { startTelemetry } from '@nuage/platform/telemetry';

// Tracing starts before the modules it instruments are loaded (HTTP, GraphQL, PostgreSQL clients).
await startTelemetry('ordering');
const { runSubgraphFromEnv } = await import('@nuage/platform');
const { ordering } = await import('./subgraph.js');
await runSubgraphFromEnv(ordering);
