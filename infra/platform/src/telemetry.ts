/**
 * Starts OpenTelemetry tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (off otherwise, at no
 * cost): spans of HTTP servers and clients, GraphQL execution and SQL statements, exported over
 * OTLP/HTTP, with W3C trace context propagated between services. A service's `main` calls it
 * before it loads what it instruments, then imports the rest; off, the SDK is not even loaded.
 */
export async function startTelemetry(service: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  // No ESM loader hook: what is instrumented loads as CommonJS (pg, graphql) or is Node's own
  // (http), patched in place before the service's modules are imported.
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
  // Traces only: metrics are Prometheus' to scrape (`/metrics`), logs are the JSON lines.
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
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
