import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { randomBytes } from 'node:crypto';
import { catalogue } from '@nuage/catalogue';
import { addGeneratedSolutions } from '@nuage/catalogue/generated';
import { identityOf, seededIdentity, seedPeople } from '@nuage/requests';
import { benchConsumption } from './consumption';
import { SEED_BRANDS } from '@nuage/catalogue/seed-brands';
import { openDatabase } from '@nuage/shared';
import { freePort, signToken, startEmbeddedPostgres, startStack } from '@nuage/stack';

/**
 * `npm run bench`: figures that tests must not assert (times drift on shared 2-core machines).
 * Runs the whole stack on a throwaway PostgreSQL (or DATABASE_URL) and prints one table.
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

const GUIDE_EVALUATION = `{ evaluateGuidedChoice(input: { answers: [
  { question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" },
  { question: "SUPERVISION", option: "CMDB", requirement: DESIRED }, { question: "ADVANCED", option: "MARKETPLACE", requirement: DESIRED } ] }) {
  matchCount excludedCount matches(first: 20) { edges { node { rank brand { name } solution { name } checks { met explanation { fr } } } } } } }`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timeQuery(url: string, token: string, query: string) {
  const post = () =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) }).then(async (r) => {
      const body = (await r.json()) as { errors?: unknown[]; data?: { evaluateGuidedChoice: { matchCount: number; excludedCount: number } } };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    });
  for (let i = 0; i < 5; i++) await post(); // warm up: query plans, JIT, connection pools
  const times: number[] = [];
  let last;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    last = await post();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), pairs: last!.evaluateGuidedChoice.matchCount + last!.evaluateGuidedChoice.excludedCount };
}

const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(`${tmpdir()}/nuage-bench-pg-`);
const postgres = dir ? await startEmbeddedPostgres(dir, await freePort()) : undefined;
const databaseUrl = process.env.DATABASE_URL ?? postgres!.url;
const databasePrefix = `bench${randomBytes(3).toString('hex')}`;
const keysDir = mkdtempSync(`${tmpdir()}/nuage-bench-keys-`);
const stack = await startStack({ databaseUrl, databasePrefix, gatewayPort: 0, firstSubgraphPort: 0, keysDir, output: 'ignore' });
try {
  const token = await signToken(stack.keys, identityOf(seedPeople(SEED_BRANDS).find((p) => p.key === 'beneficiary')!));
  const rows: string[][] = [];
  const measure = async (label: string) => {
    const { p50, p95, pairs } = await timeQuery(stack.gatewayUrl, token, GUIDE_EVALUATION);
    rows.push([label, String(pairs), p50.toFixed(1), p95.toFixed(1)]);
  };
  await measure('Guided choice (guide example), seeded catalogue');
  const orm = await openDatabase({ service: 'catalogue', serverUrl: databaseUrl, databasePrefix, entities: catalogue.entities, migrations: catalogue.migrations });
  await addGeneratedSolutions(orm.em.fork(), 10_000 - 39);
  await orm.close();
  await measure('Guided choice (guide example), 10,000 solutions');

  const volume = await benchConsumption({ databaseUrl, databasePrefix, gatewayUrl: stack.gatewayUrl, token: (key) => signToken(stack.keys, seededIdentity(key)) });

  const widths = [52, 8, 10, 10];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  console.log(`\nNuage Public benchmark — ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${ROUNDS} sequential requests through the gateway\n`);
  console.log(line(['Query', 'pairs', 'p50 ms', 'p95 ms']));
  for (const row of rows) console.log(line(row));
  console.log(`\nConsumption: ${volume.linesThroughGateway.toLocaleString('en')} usage lines pushed through the gateway in ${volume.ingestionSeconds.toFixed(1)} s (batches of 5,000): ${Math.round(volume.linesThroughGateway / volume.ingestionSeconds).toLocaleString('en')} lines/s`);
  console.log(`Analysts' monthly spend over ${volume.historyLines.toLocaleString('en')} lines, through the gateway (median of 5): by brand ${volume.apiAggregationMs[0]!.toFixed(1)} ms, by entity ${volume.apiAggregationMs[1]!.toFixed(1)} ms, by service category ${volume.apiAggregationMs[2]!.toFixed(1)} ms`);
  console.log(`(the same aggregation computed from the raw lines in SQL: ${volume.rawAggregationMs.toFixed(0)} ms)`);
} finally {
  await stack.stop();
  await postgres?.stop();
  for (const d of [dir, keysDir]) if (d) rmSync(d, { recursive: true, force: true });
}
