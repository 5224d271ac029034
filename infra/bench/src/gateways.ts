import { spawn } from 'node:child_process';
import { childExecArgv } from '@nuage/platform/runtime';
import autocannon from 'autocannon';
import {
  freePort,
  gatewayEnvironment,
  readPrometheus,
  stopChild,
  waitUntilReady,
  type RunningStack,
} from '@nuage/stack';

/** A gateway under test: where it answers, and its `/metrics`. */
export interface GatewayUnderTest {
  name: string;
  url: string;
  metricsUrl: string;
  stop?: () => Promise<void>;
}

/** What the benchmark reads of a service's `/metrics` (Prometheus text, each metric summed over its labels). */
export interface Metrics {
  rssBytes: number;
  cpuMicros: number;
  /** GraphQL requests answered. */
  graphqlRequests: number;
  sqlStatements: number;
}

export const readMetrics = async (url: string, token: string): Promise<Metrics> => {
  const totals = await readPrometheus(url, token);
  const value = (name: string) => totals.get(name) ?? 0;
  return {
    rssBytes: value('process_resident_memory_bytes'),
    cpuMicros: value('process_cpu_seconds_total') * 1e6,
    graphqlRequests: value('nuage_graphql_requests_total'),
    sqlStatements: value('nuage_sql_statements_total'),
  };
};

export const metricsUrlOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/metrics');

/** Hive Gateway in a process of its own, over the stack's subgraphs and the same supergraph file. */
export async function startHiveGateway(stack: RunningStack, rustPlanner: boolean): Promise<GatewayUnderTest> {
  const port = await freePort();
  const child = spawn(process.execPath, [...childExecArgv, new URL('./hive-gateway.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      ...gatewayEnvironment(stack.keys, stack.subgraphUrls),
      PORT: String(port),
      ...stack.keysEnvironment,
      HIVE_ROUTER_RUNTIME: String(rustPlanner),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady('hive-gateway', base, () => child);
  return {
    name: rustPlanner ? 'Hive Gateway + Rust planner' : 'Hive Gateway',
    url: `${base}/graphql`,
    metricsUrl: `${base}/metrics`,
    stop: () => stopChild(child),
  };
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Gateway CPU time (user + system) per answered request, in ms. */
  cpuMsPerRequest: number;
  /** The subgraphs' CPU time per answered request, in ms (all five together). */
  subgraphCpuMsPerRequest: number;
  /** Requests the subgraphs received per answered request. */
  subgraphFetchesPerRequest: number;
  /** PostgreSQL's CPU time per answered request, in ms (its server and backends), when it runs on this machine. */
  postgresCpuMsPerRequest?: number;
  /** Answered requests per second of CPU of the whole stack: gateway, subgraphs and PostgreSQL. */
  perCpuSecond?: number;
  answered: number;
  failed: number;
  firstError?: string;
}

/**
 * `connections` clients sending the query for `seconds`, each request with a token of its own
 * (so nothing can be shared between requests by their credentials).
 */
export async function loadTest(
  gateway: GatewayUnderTest,
  stack: RunningStack,
  body: string,
  tokens: string[],
  options: { connections: number; seconds: number; postgresCpuMicros?: () => number },
): Promise<LoadFigures> {
  let next = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const secret = stack.metricsToken;
  const subgraphTotals = async () =>
    (await Promise.all(Object.values(stack.subgraphUrls).map((url) => readMetrics(metricsUrlOf(url), secret)))).reduce(
      (sum, m) => ({ cpu: sum.cpu + m.cpuMicros, fetches: sum.fetches + m.graphqlRequests }),
      { cpu: 0, fetches: 0 },
    );
  const before = await readMetrics(gateway.metricsUrl, secret);
  const subgraphsBefore = await subgraphTotals();
  const postgresBefore = options.postgresCpuMicros?.();
  const result = await autocannon({
    url: gateway.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        // A 200 carrying GraphQL errors is a failure too.
        onResponse: (_status, responseBody) => {
          if (responseBody.includes('"errors"')) {
            graphqlErrors += 1;
            firstError ??= responseBody.slice(0, 300);
          }
        },
        setupRequest: (request) => ({
          ...request,
          body,
          headers: {
            ...request.headers,
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[next++ % tokens.length]}`,
          },
        }),
      },
    ],
  });
  const after = await readMetrics(gateway.metricsUrl, secret);
  const subgraphsAfter = await subgraphTotals();
  const postgresMicros = postgresBefore === undefined ? undefined : options.postgresCpuMicros!() - postgresBefore;
  const answered = result['2xx'];
  const stackMicros = after.cpuMicros - before.cpuMicros + subgraphsAfter.cpu - subgraphsBefore.cpu;
  return {
    requestsPerSecond: answered / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(answered, 1),
    subgraphCpuMsPerRequest: (subgraphsAfter.cpu - subgraphsBefore.cpu) / 1000 / Math.max(answered, 1),
    subgraphFetchesPerRequest: (subgraphsAfter.fetches - subgraphsBefore.fetches) / Math.max(answered, 1),
    ...(postgresMicros === undefined
      ? {}
      : {
          postgresCpuMsPerRequest: postgresMicros / 1000 / Math.max(answered, 1),
          perCpuSecond: answered / ((stackMicros + postgresMicros) / 1e6),
        }),
    answered,
    failed: result.non2xx + result.errors + result.timeouts + graphqlErrors,
    firstError,
  };
}
