import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { seededIdentity } from '@nuage/fixtures';
import type { Identity } from '@nuage/platform';
import { textOf } from '@nuage/fixtures/graphql';
import { BUYER_DASHBOARD, schemaDir, type RunningStack } from '@nuage/stack';

const DASHBOARD_TEXT = textOf(BUYER_DASHBOARD);
import {
  loadTest,
  metricsUrlOf,
  readMetrics,
  startHiveGateway,
  type GatewayUnderTest,
  type LoadFigures,
} from './gateways.js';
import { median, mib, post, ratio, table } from './report.js';

const CONNECTIONS = 32;
type Sign = (identity: Identity, tokenId?: string) => Promise<string>;

/**
 * The buyer's dashboard through our gateway and Hive Gateway (plain, and with the Rust query
 * planner) over the same subgraphs: same answers first, then SQL statements per list size,
 * federation overhead, load, memory. Returns the lines to print.
 */
export async function benchGateways(
  stack: RunningStack,
  sign: Sign,
  options: { loadSeconds: number; postgresCpuMicros?: () => number },
): Promise<string[]> {
  const token = await sign(seededIdentity('beneficiary'));
  const ours: GatewayUnderTest = {
    name: 'Nuage Public gateway (Apollo)',
    url: stack.gatewayUrl,
    metricsUrl: metricsUrlOf(stack.gatewayUrl),
  };
  const gateways: GatewayUnderTest[] = [ours];
  try {
    gateways.push(await startHiveGateway(stack, false), await startHiveGateway(stack, true));
    await assertSameAnswers(gateways, token);
    const statements = await statementsPerListSize(stack, ours, token);
    const planning = planningTimes();
    const overhead = await federationOverhead(ours, token);
    const load = await underLoad(stack, gateways, sign, options);
    const memory = await memoryOf(stack, gateways);
    return [
      `\n1–2. The buyer's dashboard (5 subgraphs, 10 latest requests and orders), ${CONNECTIONS} connections, ${options.loadSeconds} s × 2 rounds per gateway, a distinct token per request (medians of the rounds)`,
      table(
        [30, 7, 7, 7, 11, 15, 14, 13, 16, 18, 16, 16],
        [
          [
            'Gateway',
            'req/s',
            'p50 ms',
            'p99 ms',
            'CPU ms/req',
            'subgraph calls',
            'subgraphs CPU',
            'PostgreSQL',
            'per CPU-second',
            'ours/theirs req/s',
            'ours/theirs p99',
            'ours/theirs CPU',
          ],
          ...gateways.map((g) => {
            const s = load.get(g)!;
            const base = load.get(ours)!;
            const versus = (pick: (f: typeof s) => number) => (g === ours ? '' : ratio(pick(base), pick(s)));
            return [
              g.name,
              s.rps.toFixed(0),
              s.p50.toFixed(0),
              s.p99.toFixed(0),
              s.cpu.toFixed(2),
              s.fetches.toFixed(1),
              s.subgraphCpu.toFixed(2),
              s.postgresCpu?.toFixed(2) ?? 'n/a',
              s.perCpuSecond?.toFixed(0) ?? 'n/a',
              versus((f) => f.rps),
              versus((f) => f.p99),
              versus((f) => f.cpu),
            ];
          }),
        ],
      ),
      '(CPU in ms per request, PostgreSQL counted from its own processes; per CPU-second: dashboards answered per second of CPU of gateway, subgraphs and PostgreSQL together. req/s higher is better for us when ours/theirs > 1; p99 and CPU better when < 1)',
      `\n3. Federation overhead, sequential requests through our gateway (median of 50): end-to-end ${overhead.endToEnd.toFixed(1)} ms ÷ subgraph fetches on the critical path ${overhead.critical.toFixed(1)} ms = ${overhead.ratio.toFixed(2)}`,
      `   Planning the dashboard (Apollo's planner, done once per operation, then cached by its hash): ${planning.warm.toFixed(1)} ms warm, ${planning.first.toFixed(0)} ms the first time`,
      '\n4. SQL statements per dashboard request',
      table([52, 10, 9, 9, 10, 12, 7], [['Listed', ...Object.keys(stack.subgraphUrls), 'total'], ...statements]),
      '\n5. Memory at the end of the run (resident set size)',
      table(
        [34, 10],
        memory.map(([name, bytes]) => [name, mib(bytes)]),
      ),
    ];
  } finally {
    for (const gateway of gateways) await gateway.stop?.();
  }
}

/** The gateways must give the same answer before their speed is compared. */
async function assertSameAnswers(gateways: GatewayUnderTest[], token: string) {
  const answers = await Promise.all(
    gateways.map((g) => post(g.url, token, DASHBOARD_TEXT, { first: 10 }).then((r) => JSON.stringify(r.data))),
  );
  for (const [index, answer] of answers.entries()) {
    if (answer !== answers[0])
      throw new Error(
        `${gateways[index]!.name} answers differently:\n${answer.slice(0, 400)}\n${answers[0]!.slice(0, 400)}`,
      );
  }
}

/** SQL statements each subgraph spends on one dashboard request (no other traffic meanwhile), as the lists grow. */
async function statementsPerListSize(stack: RunningStack, ours: GatewayUnderTest, token: string): Promise<string[][]> {
  const subgraphs = Object.values(stack.subgraphUrls).map(metricsUrlOf);
  const cost = async (variables: Record<string, unknown>) => {
    const before = await Promise.all(subgraphs.map((url) => readMetrics(url, stack.metricsToken)));
    const { data } = await post(ours.url, token, DASHBOARD_TEXT, variables);
    const after = await Promise.all(subgraphs.map((url) => readMetrics(url, stack.metricsToken)));
    return { data, counts: after.map((m, i) => m.sqlStatements - before[i]!.sqlStatements) };
  };
  const row = (label: string, counts: number[]) => [
    label,
    ...counts.map(String),
    String(counts.reduce((a, b) => a + b)),
  ];
  const rows: string[][] = [];
  for (const first of [1, 10, 100]) {
    const { data, counts } = await cost({ first });
    rows.push(row(`${data.requests.edges.length} requests + ${data.orders.edges.length} orders (one page)`, counts));
  }
  // 1,000 of each: ten pages of 100 (the largest page), every page costing the same.
  const perPage: number[][] = [];
  let after: string | undefined;
  let requestsAfter: string | undefined;
  let listed = 0;
  for (let page = 0; page < 10; page++) {
    const { data, counts } = await cost({ first: 100, after, requestsAfter });
    listed += data.orders.edges.length;
    perPage.push(counts);
    after = data.orders.edges.at(-1)?.cursor;
    requestsAfter = data.requests.edges.at(-1)?.cursor;
    if (!after) break;
  }
  rows.push(
    row(
      `${listed} requests + ${listed} orders (${perPage.length} pages, worst page)`,
      subgraphs.map((_, i) => Math.max(...perPage.map((c) => c[i]!))),
    ),
  );
  return rows;
}

/** Query planning, which the gateway does once per operation (its plans are cached by the operation's hash). */
function planningTimes() {
  const supergraph = Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8'));
  const planner = new QueryPlanner(supergraph);
  const times = Array.from({ length: 20 }, () => {
    const started = performance.now();
    planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), BUYER_DASHBOARD));
    return performance.now() - started;
  });
  return { first: times[0]!, warm: median(times.slice(5)) };
}

/** End-to-end time seen by the client ÷ the subgraphs' time on the critical path (the gateway's Server-Timing). */
async function federationOverhead(ours: GatewayUnderTest, token: string) {
  const samples: { endToEnd: number; critical: number }[] = [];
  for (let i = 0; i < 60; i++) {
    const { ms, serverTiming } = await post(ours.url, token, DASHBOARD_TEXT, { first: 10 });
    if (i >= 10) samples.push({ endToEnd: ms, critical: Number(/subgraphs;dur=([\d.]+)/.exec(serverTiming)?.[1]) }); // after a warm-up
  }
  return {
    endToEnd: median(samples.map((s) => s.endToEnd)),
    critical: median(samples.map((s) => s.critical)),
    ratio: median(samples.map((s) => s.endToEnd / s.critical)),
  };
}

/** Every gateway in turn, twice, each request with a token of its own; the medians of the rounds. */
async function underLoad(
  stack: RunningStack,
  gateways: GatewayUnderTest[],
  sign: Sign,
  { loadSeconds: seconds, postgresCpuMicros }: { loadSeconds: number; postgresCpuMicros?: () => number },
) {
  const beneficiary = seededIdentity('beneficiary');
  const tokens = await Promise.all(Array.from({ length: 20_000 }, (_, i) => sign(beneficiary, `bench-${i}`)));
  const body = JSON.stringify({ query: DASHBOARD_TEXT, variables: { first: 10 } });
  const runs = new Map<GatewayUnderTest, LoadFigures[]>(gateways.map((g) => [g, []]));
  for (const gateway of gateways)
    await loadTest(gateway, stack, body, tokens, { connections: CONNECTIONS, seconds: 2, postgresCpuMicros }); // warm-up
  for (let round = 0; round < 2; round++) {
    for (const gateway of gateways) {
      const figures = await loadTest(gateway, stack, body, tokens, {
        connections: CONNECTIONS,
        seconds,
        postgresCpuMicros,
      });
      if (figures.failed)
        throw new Error(`${gateway.name}: ${figures.failed} failed requests under load: ${figures.firstError}`);
      runs.get(gateway)!.push(figures);
    }
  }
  const of = (figures: LoadFigures[], pick: (f: LoadFigures) => number) => median(figures.map(pick));
  return new Map(
    [...runs].map(([gateway, figures]) => [
      gateway,
      {
        rps: of(figures, (f) => f.requestsPerSecond),
        p50: of(figures, (f) => f.p50),
        p99: of(figures, (f) => f.p99),
        cpu: of(figures, (f) => f.cpuMsPerRequest),
        subgraphCpu: of(figures, (f) => f.subgraphCpuMsPerRequest),
        fetches: of(figures, (f) => f.subgraphFetchesPerRequest),
        postgresCpu: postgresCpuMicros ? of(figures, (f) => f.postgresCpuMsPerRequest!) : undefined,
        perCpuSecond: postgresCpuMicros ? of(figures, (f) => f.perCpuSecond!) : undefined,
      },
    ]),
  );
}

/** Resident memory of every gateway and subgraph process. */
async function memoryOf(stack: RunningStack, gateways: GatewayUnderTest[]): Promise<[string, number][]> {
  return Promise.all([
    ...gateways.map(
      async (g) => [g.name, (await readMetrics(g.metricsUrl, stack.metricsToken)).rssBytes] as [string, number],
    ),
    ...Object.entries(stack.subgraphUrls).map(
      async ([name, url]) =>
        [`subgraph ${name}`, (await readMetrics(metricsUrlOf(url), stack.metricsToken)).rssBytes] as [string, number],
    ),
  ]);
}
