import { startTelemetry } from '@nuage/platform/telemetry';

// Tracing starts before the modules it instruments are loaded (HTTP, GraphQL, PostgreSQL clients).
await startTelemetry('consumption');
const { runSubgraphFromEnv } = await import('@nuage/platform');
const { consumption } = await import('./subgraph.js');
await runSubgraphFromEnv(consumption);
