import { startTelemetry } from '@nuage/platform/telemetry';

// Tracing starts before the modules it instruments are loaded (HTTP, GraphQL, PostgreSQL clients).
await startTelemetry('catalogue');
const { runSubgraphFromEnv } = await import('@nuage/platform');
const { catalogue } = await import('./subgraph.js');
await runSubgraphFromEnv(catalogue);
