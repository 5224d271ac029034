import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: GraphQL answers from a millisecond to the request timeout. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Distinct operation names a service labels its figures with; beyond, an operation counts as `other`. */
export const MAX_OPERATION_LABELS = 500;

/**
 * The label of an operation: its name, `anonymous` without one. Clients choose names freely, so
 * the set is bounded (each label is a series Prometheus keeps): past {@link MAX_OPERATION_LABELS}
 * names, or for a name no client would write (long, odd characters), `other`.
 */
export function operationLabels(max = MAX_OPERATION_LABELS): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= max || !/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'other';
    seen.add(name);
    return name;
  };
}

/**
 * A service's metrics in Prometheus' text format (`/metrics`, prom-client): the process's own
 * (CPU, memory, event loop, garbage collection), GraphQL requests and their durations per
 * operation, and what the service adds (SQL statements, events, subgraph fetches…).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly durations: Histogram<'operation'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'nuage_graphql_requests_total',
      help: 'GraphQL requests answered, by operation and outcome (ok, or errors when the answer carries any).',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'nuage_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its answer, by operation.',
      labelNames: ['operation'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** A counter whose value is read at each scrape from a running total kept elsewhere. */
  countedBy(name: string, help: string, read: () => number): void {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  /** A gauge read at each scrape (it may query: a queue's depth). */
  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** A histogram of seconds with the same buckets as requests. */
  histogram<L extends string>(name: string, help: string, labelNames: L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: DURATION_BUCKETS, registers: [this.registry] });
  }

  /** Counts and times every GraphQL request (an operation that fails validation is named from the request). */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    const metrics = this;
    const operationLabel = operationLabels();
    return {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ operationName, request, response }) {
            const operation = operationLabel(operationName ?? request.operationName);
            const body = response.body;
            const failed = body.kind === 'single' && !!body.singleResult.errors?.length;
            metrics.requests.inc({ operation, outcome: failed ? 'errors' : 'ok' });
            metrics.durations.observe({ operation }, (performance.now() - started) / 1000);
          },
        };
      },
    };
  }
}
