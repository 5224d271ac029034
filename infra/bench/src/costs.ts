import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededIdentity } from '@nuage/fixtures';
import type { Identity } from '@nuage/platform';
import { admission, CostModel, DEFAULT_LIMITS } from '@nuage/gateway';
import {
  BUYER_DASHBOARD,
  schemaDir,
  stackClient,
  submitRequestSolicitingTwoBrands,
  type RunningStack,
} from '@nuage/stack';
import { textOf } from '@nuage/fixtures/graphql';
import { median, table } from './report.js';
import { metricsUrlOf, readMetrics } from './gateways.js';

const ROUNDS = 30;

async function timed(url: string, token: string, query: string) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - started, status: response.status, code: body.errors?.[0]?.extensions?.code };
}

async function medianMs(url: string, token: string, query: string) {
  for (let i = 0; i < 5; i++) await timed(url, token, query);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { ms, code } = await timed(url, token, query);
    if (code) throw new Error(`${query}: ${code}`);
    times.push(ms);
  }
  return median(times);
}

/** GraphQL requests the subgraphs have served, from their counters. */
async function subgraphCalls(stack: RunningStack) {
  let total = 0;
  for (const url of Object.values(stack.subgraphUrls))
    total += (await readMetrics(metricsUrlOf(url), stack.metricsToken)).graphqlRequests;
  return total;
}

const GUIDED = `evaluateGuidedChoice(input: { answers: [
  { question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" } ] }) { matchCount }`;

/**
 * `npm run bench -- costs`: what the `@cost` weights of the expensive fields should be, measured:
 * a cost point is what one more object of a list costs (100 solutions against 1, through the
 * gateway), and a field's weight is its time above a one-item list's, in points. Then the
 * gateway's own checks per dashboard request, and the red team's shapes: refused how fast, with
 * how many subgraph calls.
 */
export async function benchCosts(
  stack: RunningStack,
  sign: (identity: Identity) => Promise<string>,
  databaseUrl: string,
  databasePrefix: string,
) {
  const url = stack.gatewayUrl;
  const [beneficiary, analyst] = await Promise.all([
    sign(seededIdentity('beneficiary')),
    sign(seededIdentity('analyst')),
  ]);
  const client = stackClient(stack, databaseUrl, databasePrefix);
  const requestId = await submitRequestSolicitingTwoBrands(client);
  await client.settle();

  const many = await medianMs(url, analyst, '{ solutions(first: 100) { edges { node { name } } } }');
  const base = await medianMs(url, analyst, '{ solutions(first: 1) { edges { node { name } } } }');
  const point = (many - base) / (99 * 2);
  const supergraph = readFileSync(join(schemaDir, 'supergraph.graphql'), 'utf8');
  /** What the supergraph declares for a field: its `@cost` weight and its `@listSize`'s assumed size. */
  const declared = (field: string) => {
    const definition = new RegExp(`\\n  ${field}(\\(\\n[\\s\\S]*?\\n  \\))?: [^\\n]*`).exec(supergraph)?.[0] ?? '';
    const weight = /@cost\(weight: (\d+)\)/.exec(definition)?.[1];
    const size = /@listSize\(assumedSize: (\d+)/.exec(definition)?.[1];
    return [weight && `@cost ${weight}`, size && `size ${size}`].filter(Boolean).join(', ') || '—';
  };
  const fields: [string, string, string][] = [
    ['evaluateGuidedChoice', beneficiary, `{ ${GUIDED} }`],
    ['search', beneficiary, '{ search(query: "securise", first: 1) { edges { node { kind } } } }'],
    ['incidentStatistics', analyst, '{ incidentStatistics { typeCode } }'],
    ['spendByMonth', analyst, '{ spendByMonth(dimension: BRAND) { key } }'],
    ['timeline', beneficiary, `{ request(id: "${requestId}") { timeline { at } } }`],
  ];
  const rows: string[][] = [];
  for (const [field, token, query] of fields) {
    const ms = await medianMs(url, token, query);
    rows.push([field, ms.toFixed(2), String(Math.max(1, Math.round((ms - base) / point))), declared(field)]);
  }

  // The checks the gateway runs on each dashboard request, alone, in this process.
  const identity = seededIdentity('beneficiary');
  // The buckets are taken from too (one caller, far faster than any: it never runs out).
  const endless = { burst: 1e9, perSecond: 1e9 };
  const admit = admission({
    limits: {
      ...DEFAULT_LIMITS,
      rateLimits: Object.fromEntries(Object.keys(DEFAULT_LIMITS.rateLimits).map((owner) => [owner, endless])) as never,
    },
    costModel: new CostModel(supergraph, DEFAULT_LIMITS.defaultListSize),
    verifyToken: async () => identity,
    assertMayAct: async () => {},
    anonymousIntrospection: true,
  });
  const request = { body: { query: textOf(BUYER_DASHBOARD), variables: { first: 10 } }, search: '' };
  const req = { headers: {}, socket: { remoteAddress: '127.0.0.1' } } as never;
  for (let i = 0; i < 1_000; i++) await admit(req, request, {});
  const cpuBefore = process.cpuUsage();
  const checks = 20_000;
  for (let i = 0; i < checks; i++) await admit(req, request, {});
  const cpu = process.cpuUsage(cpuBefore);
  const checkMs = (cpu.user + cpu.system) / 1000 / checks;

  const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
  const SHAPES: [string, string][] = [
    ['me → entity → people, 31 levels', `{ me ${'{ entity { people '.repeat(15)}{ id }${' } }'.repeat(15)} }`],
    ['500 aliases of evaluateGuidedChoice', `{ ${aliases(500, GUIDED)} }`],
    [
      'brands(first: 100) → solutions → brand, 4 times',
      `{ brands(first: 100) { edges { node { ${'solutions { brand { '.repeat(4)}name${' } }'.repeat(4)} } } } }`,
    ],
    [
      'first: 100 at each level, requests → … → lines',
      '{ requests(first: 100) { edges { node { proposals { request { proposals { lines { designation } } } } } } } }',
    ],
    ['1,000 aliases of requests(first: 100)', `{ ${aliases(1000, 'requests(first: 100) { totalCount }')} }`],
  ];
  const gatewayCpuMs = async () => (await readMetrics(metricsUrlOf(url), stack.metricsToken)).cpuMicros / 1000;
  const refusals: string[][] = [];
  SHAPES.unshift(['{ __typename } (accepted, for reference)', '{ __typename }']);
  for (const [shape, query] of SHAPES) {
    const before = await subgraphCalls(stack);
    for (let i = 0; i < 10; i++) await timed(url, beneficiary, query);
    const times: number[] = [];
    let code: string | undefined;
    const cpuBefore = await gatewayCpuMs();
    for (let i = 0; i < 10; i++) {
      const answer = await timed(url, beneficiary, query);
      times.push(answer.ms);
      code = answer.code;
    }
    const cpuMs = ((await gatewayCpuMs()) - cpuBefore) / 10;
    refusals.push([
      shape,
      code ?? 'accepted',
      median(times).toFixed(1),
      cpuMs.toFixed(2),
      String((await subgraphCalls(stack)) - before),
    ]);
  }
  // The anonymous 5 MB body of 200,000 `__typename` aliases.
  const before = await subgraphCalls(stack);
  const bigCpuBefore = await gatewayCpuMs();
  const big = JSON.stringify({ query: `{ ${aliases(200_000, '__typename')} }` });
  const started = performance.now();
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
  await answer.text();
  refusals.push([
    'anonymous 5 MB of __typename aliases',
    `HTTP ${answer.status}`,
    (performance.now() - started).toFixed(1),
    ((await gatewayCpuMs()) - bigCpuBefore).toFixed(2),
    String((await subgraphCalls(stack)) - before),
  ]);
  await client.close();

  return [
    `\nCost weights, measured through the gateway (median of ${ROUNDS}; a point = one more list item, ${(point * 1000).toFixed(0)} µs here; a one-solution page ${base.toFixed(2)} ms)`,
    table([24, 10, 16, 24], [['Field', 'ms', 'measured points', 'declared'], ...rows]),
    `\nThe gateway's limit and cost checks: ${(checkMs * 1000).toFixed(1)} µs of CPU per dashboard request (${checks.toLocaleString('en')} checks in process)`,
    `\nAbusive shapes (median of 10 through the gateway after 10 warm-up, client to client; the gateway's CPU per request from its /metrics)`,
    table([48, 22, 8, 16, 16], [['Shape', 'answer', 'ms', 'gateway CPU ms', 'subgraph calls'], ...refusals]),
  ];
}
