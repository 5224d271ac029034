import { trace } from '@opentelemetry/api';
import pino from 'pino';

/**
 * Structured JSON logs, one logger per service; `LOG_LEVEL` sets the level (info by default). A
 * line written while a traced request runs carries its `traceId` and `spanId`, to go from a log
 * line to its trace.
 */
export function createLogger(service: string) {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { traceId: span.traceId, spanId: span.spanId } : {};
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
