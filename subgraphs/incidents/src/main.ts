import { startTelemetry } from '@nuage/platform/telemetry';

// Tracing starts before the modules it instruments are loaded (HTTP, GraphQL, PostgreSQL clients).
await startTelemetry('incidents');
const { runSubgraphFromEnv } = await import('@nuage/platform');
const { incidents } = await import('./subgraph.js');
await runSubgraphFromEnv(incidents);
