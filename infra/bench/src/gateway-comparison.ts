import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { seededIdentity } from '@nuage/requests';
import type { Identity } from '@nuage/shared';
import { BUYER_DASHBOARD, schemaDir, type RunningStack } from '@nuage/stack';
import { loadTest, metricsUrlOf, readMetrics, startHiveGateway, type GatewayUnderTest, type LoadFigures } from './gateways';
import { median, mib, post, ratio, table } from './report';

const CONNECTIONS = 32;

/**
 * The buyer's dashboard through our gateway and Hive Gateway (plain, and with the Rust query
 * planner) over the same subgraphs: same answers first, then SQL statements per list size,
 * federation overhead, load, memory. Returns the lines to print.
 */
export async function benchGateways(stack: RunningStack, sign: (identity: Identity, tokenId?: string) => Promise<string>, options: { loadSeconds: number }): Promise<string[]> {
  const secret = stack.internalSecret;
  const beneficiary = seededIdentity('beneficiary');
  const token = await sign(beneficiary);
  const gateways: GatewayUnderTest[] = [];
  try {
    const ours: GatewayUnderTest = { name: 'Nuage Public gateway (Apollo)', url: stack.gatewayUrl, metricsUrl: metricsUrlOf(stack.gatewayUrl) };
    gateways.push(ours, await startHiveGateway(stack, false), await startHiveGateway(stack, true));

    // The three gateways must give the same answer before their speed is compared.
    const answers = await Promise.all(gateways.map((g) => post(g.url, token, BUYER_DASHBOARD, { first: 10 }).then((r) => JSON.stringify(r.data))));
    for (const [index, answer] of answers.entries()) if (answer !== answers[0]) throw new Error(`${gateways[index]!.name} answers differently:\n${answer.slice(0, 400)}\n${answers[0]!.slice(0, 400)}`);

    // SQL statements per request as the lists grow (no other traffic meanwhile).
    const subgraphs = Object.entries(stack.subgraphUrls);
    const statements = async (variables: Record<string, unknown>) => {
      const before = await Promise.all(subgraphs.map(([, url]) => readMetrics(metricsUrlOf(url), secret)));
      const { data } = await post(ours.url, token, BUYER_DASHBOARD, variables);
      const after = await Promise.all(subgraphs.map(([, url]) => readMetrics(metricsUrlOf(url), secret)));
      return { data, counts: after.map((m, i) => m.sqlStatements! - before[i]!.sqlStatements!) };
    };
    const statementRows: string[][] = [];
    for (const first of [1, 10, 100]) {
      const { data, counts } = await statements({ first });
      statementRows.push([`${data.requests.edges.length} requests + ${data.orders.edges.length} orders (one page)`, ...counts.map(String), String(counts.reduce((a, b) => a + b))]);
    }
    {
      // 1,000 of each: ten pages of 100 (the largest page), every page costing the same.
      const perPage: number[][] = [];
      let after: string | undefined;
      let requestsAfter: string | undefined;
      let listed = 0;
      for (let page = 0; page < 10; page++) {
        const { data, counts } = await statements({ first: 100, after, requestsAfter });
        listed += data.orders.edges.length;
        perPage.push(counts);
        after = data.orders.edges.at(-1)?.cursor;
        requestsAfter = data.requests.edges.at(-1)?.cursor;
        if (!after) break;
      }
      const worst = subgraphs.map((_, i) => Math.max(...perPage.map((c) => c[i]!)));
      statementRows.push([`${listed} requests + ${listed} orders (${perPage.length} pages, worst page)`, ...worst.map(String), String(worst.reduce((a, b) => a + b))]);
    }

    // Query planning, which the gateway does once per operation (its plans are cached by the operation's hash).
    const supergraph = Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8'));
    const planner = new QueryPlanner(supergraph);
    const planTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(BUYER_DASHBOARD)));
      planTimes.push(performance.now() - started);
    }

    // Federation overhead: end-to-end time seen by the client ÷ subgraph time on the critical path.
    const overhead: number[] = [];
    const endToEnd: number[] = [];
    const critical: number[] = [];
    for (let i = 0; i < 60; i++) {
      const { ms, serverTiming } = await post(ours.url, token, BUYER_DASHBOARD, { first: 10 });
      const subgraphMs = Number(/subgraphs;dur=([\d.]+)/.exec(serverTiming)?.[1]);
      if (i < 10) continue; // warm-up
      endToEnd.push(ms);
      critical.push(subgraphMs);
      overhead.push(ms / subgraphMs);
    }

    // Load: every gateway in turn, twice, each request with a token of its own.
    const tokens = await Promise.all(Array.from({ length: 20_000 }, (_, i) => sign(beneficiary, `bench-${i}`)));
    const body = JSON.stringify({ query: BUYER_DASHBOARD, variables: { first: 10 } });
    const load = new Map<string, LoadFigures[]>();
    for (const gateway of gateways) await loadTest(gateway, stack, body, tokens, { connections: CONNECTIONS, seconds: 2 }); // warm-up
    for (let round = 0; round < 2; round++) {
      for (const gateway of gateways) {
        const figures = await loadTest(gateway, stack, body, tokens, { connections: CONNECTIONS, seconds: options.loadSeconds });
        if (figures.failed) throw new Error(`${gateway.name}: ${figures.failed} failed requests under load: ${figures.firstError}`);
        load.set(gateway.name, [...(load.get(gateway.name) ?? []), figures]);
      }
    }
    const summary = (name: string) => {
      const runs = load.get(name)!;
      return { rps: median(runs.map((r) => r.requestsPerSecond)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), cpu: median(runs.map((r) => r.cpuMsPerRequest)), subgraphCpu: median(runs.map((r) => r.subgraphCpuMsPerRequest)), fetches: median(runs.map((r) => r.subgraphFetchesPerRequest)) };
    };

    const memory = await Promise.all([...gateways.map((g) => readMetrics(g.metricsUrl, secret).then((m) => [g.name, m] as const)), ...subgraphs.map(([name, url]) => readMetrics(metricsUrlOf(url), secret).then((m) => [`subgraph ${name}`, m] as const))]);


    const out: string[] = [];
    out.push(`\n1–2. The buyer's dashboard (5 subgraphs, 10 latest requests and orders), ${CONNECTIONS} connections, ${options.loadSeconds} s × 2 rounds per gateway, a distinct token per request (medians of the rounds)`);
    const base = summary(ours.name);
    out.push(table([30, 7, 7, 7, 11, 15, 14, 18, 16, 16], [
      ['Gateway', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'subgraph calls', 'subgraphs CPU', 'ours/theirs req/s', 'ours/theirs p99', 'ours/theirs CPU'],
      ...gateways.map((g) => {
        const s = summary(g.name);
        return [g.name, s.rps.toFixed(0), s.p50.toFixed(0), s.p99.toFixed(0), s.cpu.toFixed(2), s.fetches.toFixed(1), s.subgraphCpu.toFixed(2), g === ours ? '' : ratio(base.rps, s.rps), g === ours ? '' : ratio(base.p99, s.p99), g === ours ? '' : ratio(base.cpu, s.cpu)];
      }),
    ]));
    out.push(`(req/s higher is better for us when ours/theirs > 1; p99 and CPU better when < 1)`);
    out.push(`\n3. Federation overhead, sequential requests through our gateway (median of 50): end-to-end ${median(endToEnd).toFixed(1)} ms ÷ subgraph fetches on the critical path ${median(critical).toFixed(1)} ms = ${median(overhead).toFixed(2)}`);
    out.push(`   Planning the dashboard (Apollo's planner, done once per operation, then cached by its hash): ${median(planTimes.slice(5)).toFixed(1)} ms warm, ${planTimes[0]!.toFixed(0)} ms the first time`);
    out.push(`\n4. SQL statements per dashboard request`);
    out.push(table([52, 10, 9, 9, 10, 12, 7], [['Listed', ...subgraphs.map(([name]) => name), 'total'], ...statementRows]));
    out.push(`\n5. Memory at the end of the run (resident set size)`);
    out.push(table([34, 10], memory.map(([name, m]) => [name, mib(m.rssBytes)])));

    return out;
  } finally {
    for (const gateway of gateways) await gateway.stop?.();
  }
}
