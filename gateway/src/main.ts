import { fileURLToPath } from 'node:url';
import { authConfigFromEnv } from './auth.js';
import { startGateway } from './gateway.js';
import { gatewaySettingsFromEnv } from './settings.js';

/** Runs the gateway as its own process; the stack runner (`npm start`) sets the environment. */
const env = process.env;
if (!env.INTERNAL_SECRET)
  throw new Error('INTERNAL_SECRET must be set: the subgraphs only trust identities signed with it.');
const subgraphUrls = Object.fromEntries(
  Object.entries(env)
    .filter(([key]) => key.startsWith('SUBGRAPH_URL_'))
    .map(([key, value]) => [key.slice('SUBGRAPH_URL_'.length).toLowerCase(), value as string]),
);
const gateway = await startGateway({
  port: Number(env.PORT ?? 4000),
  host: env.HOST,
  supergraphPath: env.SUPERGRAPH_PATH ?? fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
  subgraphUrls,
  auth: authConfigFromEnv(env),
  internalSecret: env.INTERNAL_SECRET,
  accountCacheMs: env.ACCOUNT_CACHE_MS ? Number(env.ACCOUNT_CACHE_MS) : undefined,
  ...gatewaySettingsFromEnv(env),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void gateway.close().then(() => process.exit(0)));
}
