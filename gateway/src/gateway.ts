import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  createLogger,
  errorFormatter,
  serveHttp,
  toGraphQLError,
  unauthenticated,
  DomainError,
  localeFrom,
  type Identity,
  type RunningHttpService,
} from '@nuage/platform';
import { createTokenVerifier, type AuthConfig } from './auth';
import { accountChecker } from './accounts';
import { anonymousRateLimit } from './rate-limit';
import { graphiqlLandingPage } from './graphiql';
import { fileProxy } from './files';
import { activationPage } from './activation';
import { SubgraphDataSource } from './subgraph-data-source';
import { federationTiming, startTiming, type FederationTotals, type RequestTiming } from './timing';

export interface GatewayContext {
  identity: Identity | null;
  acceptLanguage?: string;
  timing: RequestTiming;
}

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphPath: string;
  /** Where each subgraph listens, by name; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  auth: AuthConfig;
  internalSecret: string;
  /** How long the gateway reuses what it learnt of an account (30 s by default): a deactivation takes effect within it. */
  accountCacheMs?: number;
  /** Calls without a token allowed per client address and minute (30 by default). */
  anonymousPerMinute?: number;
}

/** What anonymous callers may ask: the schema (GraphiQL's docs), and an invitation link's account activation. */
const ANONYMOUS_FIELDS = new Set(['__schema', '__type', '__typename', 'invitation', 'activateAccount']);

/** Anonymous callers may read the schema and activate an invited account, nothing else. */
const requireAuthentication: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.identity) return;
        const onlyAnonymous =
          !!operation &&
          operation.selectionSet.selections.every(
            (selection) => selection.kind === 'Field' && ANONYMOUS_FIELDS.has(selection.name.value),
          );
        if (!onlyAnonymous) throw toGraphQLError(unauthenticated());
      },
    };
  },
};

/** The public entry point: verifies tokens, plans queries over the subgraphs, serves GraphiQL. */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpService> {
  const logger = createLogger('gateway');
  const verifyToken = await createTokenVerifier(options.auth);
  const assertMayAct = accountChecker({
    requestsUrl: options.subgraphUrls.requests!,
    internalSecret: options.internalSecret,
    cacheMs: options.accountCacheMs,
  });
  /** The caller behind a bearer token: a valid signature, and an account that exists and may act. */
  const limitAnonymous = anonymousRateLimit(options.anonymousPerMinute ?? 30);
  const verify = async (authorization: string | undefined) => {
    const identity = await verifyToken(authorization);
    if (identity) await assertMayAct(identity);
    return identity;
  };
  const totals: FederationTotals = { operations: 0, gatewayMs: 0, subgraphCriticalPathMs: 0, subgraphFetches: 0 };
  // @apollo/gateway would otherwise, once built, probe cloud metadata addresses and report usage
  // to Apollo every hour: nothing leaves the platform unless its operator asks for it.
  if (process.env.APOLLO_TELEMETRY_ENABLED !== 'true') process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(options.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, options.subgraphUrls[name] ?? (url as string), options.internalSecret, logger),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: errorFormatter(logger),
    introspection: true,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    plugins: [graphiqlLandingPage(), requireAuthentication, federationTiming(totals)],
  });

  const firstHeader = (req: IncomingMessage, name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };

  return serveHttp<GatewayContext>({
    name: 'gateway',
    apollo,
    logger,
    metrics: { secret: options.internalSecret, counters: () => ({ ...totals }) },
    routes: [
      activationPage(),
      fileProxy({ verify, subgraphUrls: options.subgraphUrls, internalSecret: options.internalSecret }),
    ],
    port: options.port,
    host: options.host,
    // Ready once it has its supergraph and listens: it does not call the subgraphs' `/ready` (each
    // is probed on its own), so one slow subgraph cannot take the gateway out of rotation.
    ready: async () => true,
    context: async (req) => {
      const timing = startTiming();
      try {
        const identity = await verify(firstHeader(req, 'authorization'));
        if (!identity)
          await limitAnonymous(req.socket.remoteAddress ?? 'unknown', localeFrom(firstHeader(req, 'accept-language')));
        return { timing, identity, acceptLanguage: firstHeader(req, 'accept-language') };
      } catch (error) {
        if (error instanceof DomainError) throw toGraphQLError(error);
        if (error instanceof GraphQLError) throw error;
        throw new GraphQLError('Authentication failed.', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
    },
  });
}
