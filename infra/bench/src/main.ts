import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { randomBytes } from 'node:crypto';
import { addGeneratedSolutions, catalogue } from '@nuage/catalogue';
import { seededIdentity } from '@nuage/fixtures';
import { entitiesOf, openDatabase } from '@nuage/platform';
import { freePort, startEmbeddedPostgres, startStack, tokenSigner, UNHURRIED_RATE_ENVIRONMENT } from '@nuage/stack';
import { benchConsumption } from './consumption.js';
import { benchSearch } from './search.js';
import { SEED_SHAPE, seedFiles } from './seed-files.js';
import { benchGateways } from './gateway-comparison.js';
import { benchEvents } from './events.js';
import { benchCosts } from './costs.js';
import { benchScale } from './scale.js';
import { benchColdStart } from './cold-start.js';
import { mib, percentile, post, table } from './report.js';
import { processTreeCpuMicros } from './process-cpu.js';

/**
 * `npm run bench`: figures that tests must not assert (times drift on shared 2-core machines, so
 * comparisons are ratios measured in the same run). Runs the whole stack, one process per service,
 * on a throwaway PostgreSQL (or DATABASE_URL) and prints tables.
 */
process.env.LOG_LEVEL ??= 'warn';
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);

const GUIDE_EVALUATION = `{ evaluateGuidedChoice(input: { answers: [
  { question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" },
  { question: "SUPERVISION", option: "CMDB", requirement: DESIRED }, { question: "ADVANCED", option: "MARKETPLACE", requirement: DESIRED } ] }) {
  matchCount excludedCount matches(first: 20) { edges { node { rank brand { name } solution { name } checks { met explanation { fr } } } } } } }`;

async function timeQuery(url: string, token: string, query: string) {
  for (let i = 0; i < 5; i++) await post(url, token, query); // warm up: query plans, JIT, connection pools
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof post>> | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    last = await post(url, token, query);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  const { matchCount, excludedCount } = last!.data.evaluateGuidedChoice;
  return { p50: percentile(times, 50), p95: percentile(times, 95), pairs: matchCount + excludedCount };
}

const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(`${tmpdir()}/nuage-bench-pg-`);
const postgres = dir ? await startEmbeddedPostgres(dir, await freePort()) : undefined;
const databaseUrl = process.env.DATABASE_URL ?? postgres!.url;
const databasePrefix = `bench${randomBytes(3).toString('hex')}`;
const keysDir = mkdtempSync(`${tmpdir()}/nuage-bench-keys-`);
/** `npm run bench -- dashboard` runs one part (dashboard, costs, guided-choice, consumption, search, events, scale, cold-start); all by default. */
const parts = process.argv.slice(2);
const wants = (
  part: 'dashboard' | 'guided-choice' | 'consumption' | 'search' | 'events' | 'costs' | 'scale' | 'cold-start',
) => parts.length === 0 || parts.includes(part);
let stack: Awaited<ReturnType<typeof startStack>> | undefined;
try {
  const out: string[] = [];
  if (wants('dashboard')) {
    console.log(
      `Seeding ${FILES} files through the gateway (request, proposal, approval, acceptance; 1 in ${SEED_SHAPE.activatedEvery} activated with usage, 1 in ${SEED_SHAPE.disputedEvery} disputed)…`,
    );
    const seedSeconds = await seedFiles(databaseUrl, databasePrefix, FILES);
    out.push(`\n${FILES} files seeded through the gateway in ${seedSeconds.toFixed(0)} s.`);
  }
  // BENCH_CPU_PROFILE_DIR: every service writes a V8 CPU profile there when it stops (`npm run -s
  // profile-summary -- <file>` reads one).
  const profiling: Record<string, string> = process.env.BENCH_CPU_PROFILE_DIR
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}` }
    : {};
  stack = await startStack({
    databaseUrl,
    databasePrefix,
    gatewayPort: 0,
    firstSubgraphPort: 0,
    keysDir,
    output: 'ignore',
    fromBuild: true,
    environment: profiling,
    // The load generators are a few people asking far faster than anyone clicks, and the
    // statements check reads the dashboard in pages of 100 (a cost above the default limit).
    gatewayEnvironment: { ...UNHURRIED_RATE_ENVIRONMENT, OPERATION_MAX_COST: '20000', ...profiling },
  });
  const sign = await tokenSigner(stack.keys);
  const token = await sign(seededIdentity('beneficiary'));
  // PostgreSQL's own CPU counters when it runs here (the embedded server and its backends).
  const postgresPid = postgres?.pid();
  const postgresCpuMicros = postgresPid ? () => processTreeCpuMicros(postgresPid) : undefined;
  if (wants('dashboard'))
    out.push(...(await benchGateways(stack, sign, { loadSeconds: LOAD_SECONDS, postgresCpuMicros })));
  if (wants('costs')) out.push(...(await benchCosts(stack, sign, databaseUrl, databasePrefix)));

  if (wants('guided-choice')) {
    const guided: string[][] = [];
    const measure = async (label: string) => {
      const { p50, p95, pairs } = await timeQuery(stack!.gatewayUrl, token, GUIDE_EVALUATION);
      guided.push([label, String(pairs), p50.toFixed(1), p95.toFixed(1)]);
    };
    await measure('Guided choice (guide example), seeded catalogue');
    const orm = await openDatabase({
      service: 'catalogue',
      serverUrl: databaseUrl,
      databasePrefix,
      entities: entitiesOf(catalogue),
      migrations: catalogue.migrations,
    });
    await addGeneratedSolutions(orm.em.fork(), 10_000 - 39);
    await orm.close();
    await measure('Guided choice (guide example), 10,000 solutions');
    out.push(
      `\nGuided choice, ${ROUNDS} sequential requests through our gateway`,
      table([52, 8, 10, 10], [['Query', 'pairs', 'p50 ms', 'p95 ms'], ...guided]),
    );
  }

  if (wants('consumption')) {
    const volume = await benchConsumption({
      databaseUrl,
      databasePrefix,
      gatewayUrl: stack.gatewayUrl,
      token: (key) => sign(seededIdentity(key)),
    });
    out.push(
      `\nConsumption: ${volume.linesThroughGateway.toLocaleString('en')} usage lines pushed through the gateway in ${volume.ingestionSeconds.toFixed(1)} s (batches of 5,000): ${Math.round(volume.linesThroughGateway / volume.ingestionSeconds).toLocaleString('en')} lines/s`,
      `The same number again as FOCUS CSV exports (importUsageCsv), batches of 5,000: ${volume.csvIngestionSeconds.toFixed(1)} s, ${Math.round(volume.linesThroughGateway / volume.csvIngestionSeconds).toLocaleString('en')} lines/s; two batches in flight: ${volume.csvTwoInFlightSeconds.toFixed(1)} s, ${Math.round(volume.linesThroughGateway / volume.csvTwoInFlightSeconds).toLocaleString('en')} lines/s`,
      `Analysts' monthly spend over ${volume.historyLines.toLocaleString('en')} lines, through the gateway (median of 5): by brand ${volume.apiAggregationMs[0]!.toFixed(1)} ms, by entity ${volume.apiAggregationMs[1]!.toFixed(1)} ms, by service category ${volume.apiAggregationMs[2]!.toFixed(1)} ms`,
      `(the same aggregation computed from the raw lines in SQL: ${volume.rawAggregationMs.toFixed(0)} ms)`,
    );
  }
  if (wants('events')) out.push(...(await benchEvents(stack, { databaseUrl, databasePrefix, sign })));
  if (wants('search')) {
    const figures = await benchSearch({ databaseUrl, databasePrefix, gatewayUrl: stack.gatewayUrl, token: sign });
    out.push(
      `\nGlobal search over ${figures.files.toLocaleString('en')} files (${figures.documents.toLocaleString('en')} indexed requests, proposals and orders over 1,000 entities, inserted in ${figures.seedSeconds.toFixed(0)} s), 20 sequential queries through our gateway`,
      table([46, 6, 10, 10], [['Query', 'hits', 'p50 ms', 'p95 ms'], ...figures.rows]),
    );
  }
  // Last, on their own: they run stacks of their own (two replicas of every service; `npm start`).
  await stack.stop();
  stack = undefined;
  if (wants('scale'))
    out.push(
      ...(await benchScale({
        databaseUrl,
        databasePrefix: `${databasePrefix}scale`,
        keysDir,
        loadSeconds: LOAD_SECONDS,
      })),
    );
  if (wants('cold-start')) out.push(...(await benchColdStart()));
  console.log(
    `\nNuage Public benchmark — ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mib(totalmem())}, Node ${process.version}; every service in its own process, PostgreSQL on the same machine`,
  );
  for (const line of out) console.log(line);
} finally {
  await stack?.stop();
  await postgres?.stop();
  for (const d of [dir, keysDir]) if (d) rmSync(d, { recursive: true, force: true });
}
