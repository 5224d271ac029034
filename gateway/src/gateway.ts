import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  createLogger,
  errorFormatter,
  serveHttp,
  type Identity,
  type Logger,
  type RunningHttpService,
} from '@nuage/platform';
import { createTokenVerifier, type AuthConfig } from './auth.js';
import { accountChecker } from './accounts.js';
import { admission } from './admission.js';
import { DEFAULT_LIMITS, type GatewayLimits } from './limits/config.js';
import { CostModel } from './limits/cost.js';
import type { TrustedDocuments } from './limits/trusted-documents.js';
import { graphiqlPage } from './graphiql.js';
import {
  accessLog,
  compressResponses,
  corsPolicy,
  graphiqlRoute,
  securityHeaders,
  type AccessFacts,
} from './http-conventions.js';
import { fileProxy } from './files.js';
import { activationPage } from './activation.js';
import { DEVELOPMENT_EXPOSURE, type Exposure } from './settings.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { federationTiming, startTiming, type FederationTotals, type RequestTiming } from './timing.js';

export interface GatewayContext {
  identity: Identity | null;
  acceptLanguage?: string;
  timing: RequestTiming;
  /** The operation's estimated cost, answered in `x-operation-cost`. */
  cost: number;
  /** When the request must be answered (`performance.now()` time). */
  deadline: number;
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
  /** Limits on operations, bodies, time and callers' rates; the defaults for what is not given. */
  limits?: Partial<GatewayLimits>;
  /** What the gateway shows of itself (GraphiQL, anonymous introspection, suggestions); all on by default. */
  exposure?: Exposure;
  /** Browser origins allowed by CORS; none by default. */
  corsOrigins?: string[];
  trustedDocuments?: TrustedDocuments;
  logger?: Logger;
}

/** Answers each operation's estimated cost in `x-operation-cost` (and the access log has it too). */
const costHeader: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        response.http.headers.set('x-operation-cost', String(contextValue.cost));
      },
    };
  },
};

/** The public entry point: verifies and limits callers and operations, plans them over the subgraphs, serves GraphiQL. */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpService> {
  const logger = options.logger ?? createLogger('gateway');
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const exposure = options.exposure ?? DEVELOPMENT_EXPOSURE;
  const verifyToken = await createTokenVerifier(options.auth);
  const assertMayAct = accountChecker({
    requestsUrl: options.subgraphUrls.requests!,
    internalSecret: options.internalSecret,
    cacheMs: options.accountCacheMs,
  });
  /** The caller behind a bearer token, for file transfers: a valid signature, and an account that may act. */
  const verify = async (authorization: string | undefined) => {
    const identity = await verifyToken(authorization);
    if (identity) await assertMayAct(identity);
    return identity;
  };
  const supergraphSdl = readFileSync(options.supergraphPath, 'utf8');
  const admit = admission({
    limits,
    costModel: new CostModel(supergraphSdl, limits.defaultListSize),
    verifyToken,
    assertMayAct,
    anonymousIntrospection: exposure.anonymousIntrospection,
    trustedDocuments: options.trustedDocuments,
  });
  const accessFacts = new WeakMap<IncomingMessage, AccessFacts>();
  const totals: FederationTotals = { operations: 0, gatewayMs: 0, subgraphCriticalPathMs: 0, subgraphFetches: 0 };
  // @apollo/gateway would otherwise, once built, probe cloud metadata addresses and report usage
  // to Apollo every hour: nothing leaves the platform unless its operator asks for it.
  if (process.env.APOLLO_TELEMETRY_ENABLED !== 'true') process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        options.subgraphUrls[name] ?? (url as string),
        options.internalSecret,
        logger,
        limits.subgraphTimeoutMs,
      ),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: errorFormatter(logger),
    // With a token, the schema may always be read (analysts explore it); without, as `exposure` says.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !exposure.fieldSuggestions,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    parseOptions: { maxTokens: limits.maxTokens },
    ...(options.trustedDocuments ? { persistedQueries: { cache: options.trustedDocuments.cache } } : {}),
    // GraphiQL is served by its own route (compressed once, revalidated by ETag).
    plugins: [ApolloServerPluginLandingPageDisabled(), federationTiming(totals), costHeader],
  });
  const graphiql = exposure.graphiql ? graphiqlPage() : undefined;

  return serveHttp<GatewayContext>({
    name: 'gateway',
    apollo,
    logger,
    metrics: { secret: options.internalSecret, counters: () => ({ ...totals }) },
    middleware: [
      accessLog(logger, (req) => accessFacts.get(req)),
      securityHeaders(graphiql),
      ...corsPolicy(options.corsOrigins ?? []),
      compressResponses(),
    ],
    maxBodyBytes: (req) => (req.headers.authorization ? limits.maxBodyBytes : limits.maxAnonymousBodyBytes),
    routes: [
      ...(graphiql ? [graphiqlRoute(graphiql)] : []),
      activationPage(),
      fileProxy({ verify, subgraphUrls: options.subgraphUrls, internalSecret: options.internalSecret }),
    ],
    port: options.port,
    host: options.host,
    // Ready once it has its supergraph and listens: it does not call the subgraphs' `/ready` (each
    // is probed on its own), so one slow subgraph cannot take the gateway out of rotation.
    ready: async () => true,
    context: async (req, request) => {
      const timing = startTiming();
      const facts: AccessFacts = {};
      accessFacts.set(req, facts);
      const admitted = await admit(req, request, facts);
      const acceptLanguage = req.headers['accept-language'];
      return {
        timing,
        identity: admitted.identity,
        acceptLanguage: Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage,
        cost: admitted.cost,
        deadline: timing.start + limits.requestTimeoutMs,
      };
    },
  });
}
