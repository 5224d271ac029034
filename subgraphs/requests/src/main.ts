import { startTelemetry } from '@nuage/platform/telemetry';

// Tracing starts before the modules it instruments are loaded (HTTP, GraphQL, PostgreSQL clients).
await startTelemetry('requests');
const { runSubgraphFromEnv } = await import('@nuage/platform');
const { requests } = await import('./subgraph.js');
await runSubgraphFromEnv(requests);
