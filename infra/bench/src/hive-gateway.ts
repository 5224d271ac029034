import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GraphQLError } from 'graphql';
import { authConfigFromEnv, createTokenVerifier } from '@nuage/gateway';
import { IDENTITY_HEADER, signIdentity, subgraphKeysFrom, type Identity, type KeysEnvironment } from '@nuage/platform';

/**
 * Hive Gateway over the same supergraph and subgraphs, for the benchmark's side-by-side figures:
 * one process, in-flight deduplication off (inbound and towards subgraphs), the same JWT verification and signed
 * identity header as our gateway. `HIVE_ROUTER_RUNTIME=true` plans with the Rust query planner.
 */
const env = process.env;
// The stack gives it the keys every service holds.
const { identities: identityKeys, metrics: metricsTokens } = subgraphKeysFrom(env as unknown as KeysEnvironment);
const verify = await createTokenVerifier(authConfigFromEnv(env));
let supergraph = readFileSync(env.SUPERGRAPH_PATH!, 'utf8');
for (const [key, url] of Object.entries(env)) {
  if (!key.startsWith('SUBGRAPH_URL_')) continue;
  const graph = key.slice('SUBGRAPH_URL_'.length);
  supergraph = supergraph.replace(new RegExp(`(${graph} @join__graph\\(name: "[a-z]+", url: ")[^"]*`), `$1${url}`);
}

/** Verifies the bearer token like our gateway and forwards the identity signed. */
const signedIdentity: GatewayPlugin<{ identity?: Identity }> = {
  async onContextBuilding({ context, extendContext }) {
    const identity = await verify(context.request.headers.get('authorization') ?? undefined).catch(() => null);
    if (!identity)
      throw new GraphQLError('Authentication failed.', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    extendContext({ identity });
  },
  onFetch({ context, options, setOptions }) {
    const identity = (context as { identity?: Identity }).identity;
    if (identity)
      setOptions({
        ...options,
        headers: {
          ...(options.headers as Record<string, string>),
          [IDENTITY_HEADER]: signIdentity(identity, identityKeys),
        },
      });
  },
};

const gateway = createGatewayRuntime({
  supergraph,
  logging: false,
  inboundInflightRequestDeduplication: false,
  // Its HTTP transport merges identical subgraph requests in flight by default, keyed before our
  // identity header is added: off, as the comparison asks (and as callers of different rights need).
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  ...(env.HIVE_ROUTER_RUNTIME === 'true' ? { unifiedGraphHandler } : {}),
  plugins: () => [signedIdentity],
});

const server = createServer((req, res) => {
  if (req.url === '/metrics') {
    if (!metricsTokens.holds(req.headers.authorization?.replace(/^Bearer /, '') ?? ''))
      return void res.writeHead(401).end();
    // The two figures the benchmark reads, in the Prometheus text format our services answer.
    const { user, system } = process.cpuUsage();
    return void res
      .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      .end(
        `process_cpu_seconds_total ${(user + system) / 1e6}\nprocess_resident_memory_bytes ${process.memoryUsage().rss}\n`,
      );
  }
  if (req.url === '/ready') return void res.writeHead(200).end('ready');
  return gateway(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(env.PORT), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
