import { register } from 'node:module';

/**
 * Starts OpenTelemetry tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (off otherwise, at no
 * cost): spans of HTTP servers and clients, GraphQL execution and SQL statements, exported over
 * OTLP/HTTP, with W3C trace context propagated between services. A service's `main` calls it
 * before it loads what it instruments, then imports the rest; off, the SDK is not even loaded.
 */
export async function startTelemetry(service: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  // ESM modules loaded from now on are patched too (not only CommonJS ones).
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [
    { NodeSDK },
    { OTLPTraceExporter },
    { HttpInstrumentation },
    { GraphQLInstrumentation },
    { PgInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-graphql'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || `nuage-${service}`,
    traceExporter: new OTLPTraceExporter({ url: `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` }),
    instrumentations: [
      // Probes (/health, /ready, /metrics) would drown the traces of real requests.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? ''),
      }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation(),
    ],
    // Nothing but what the operator points to: no resource detection that probes cloud metadata.
    resourceDetectors: [],
  });
  sdk.start();
  const stop = () => void sdk.shutdown();
  process.once('beforeExit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.prependOnceListener(signal, stop);
}
