import { startEmbeddedPostgres, type RunningPostgres } from './postgres.js';
import { startStack } from './stack.js';
import { dataDir } from './paths.js';

/**
 * `npm start`: PostgreSQL (DATABASE_URL, or an embedded server whose data stays in .data/), then
 * the five subgraphs and the gateway. Ctrl-C (SIGINT) or SIGTERM stops them all, database last.
 */
const started = Date.now();
let postgres: RunningPostgres | undefined;
if (!process.env.DATABASE_URL)
  postgres = await startEmbeddedPostgres(`${dataDir}/postgres`, Number(process.env.PG_PORT ?? 54320));
const databaseUrl = process.env.DATABASE_URL ?? (postgres as RunningPostgres).url;

let stack: Awaited<ReturnType<typeof startStack>> | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stack?.stop();
  await postgres?.stop();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

try {
  stack = await startStack({
    databaseUrl,
    gatewayPort: Number(process.env.PORT ?? 4000),
    firstSubgraphPort: Number(process.env.SUBGRAPH_PORT ?? 4001),
    keysDir: `${dataDir}/auth`,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
console.log(`
  Nuage Public is ready in ${((Date.now() - started) / 1000).toFixed(1)} s.
  GraphiQL:  ${stack!.gatewayUrl}
  A token:   npm run token -- analyst     (roles: beneficiary, manager, supplier <brand>, market-holder, ugap, analyst)
  Stop:      Ctrl-C
`);
