import pino from 'pino';

/** Structured JSON logs, one logger per service; `LOG_LEVEL` sets the level (info by default). */
export function createLogger(service: string) {
  return pino({ name: service, level: process.env.LOG_LEVEL ?? 'info', base: { service } });
}
export type Logger = ReturnType<typeof createLogger>;
