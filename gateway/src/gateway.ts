import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import {
  createLogger,
  errorFormatter,
  ServiceMetrics,
  type ServiceKeys,
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
  /** Signs identities for the subgraphs; opens `/metrics`. */
  keys: ServiceKeys;
  /** Lets @apollo/gateway report to Apollo and probe cloud metadata (off: nothing leaves the platform). */
  apolloTelemetry?: boolean;
  /** Stack traces in error answers. */
  development?: boolean;
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
    keys: options.keys.identities,
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
  if (!options.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const metrics = new ServiceMetrics('gateway');
  const fetchDurations = metrics.histogram(
    'nuage_subgraph_fetch_duration_seconds',
    'Time of each call the gateway makes to a subgraph, by subgraph.',
    ['subgraph'],
  );
  observeFederation(metrics, totals);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        options.subgraphUrls[name] ?? (url as string),
        options.keys.identities,
        logger,
        limits.subgraphTimeoutMs,
        fetchDurations,
      ),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: errorFormatter(logger),
    // With a token, the schema may always be read (analysts explore it); without, as `exposure` says.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !exposure.fieldSuggestions,
    includeStacktraceInErrorResponses: options.development ?? false,
    parseOptions: { maxTokens: limits.maxTokens },
    ...(options.trustedDocuments ? { persistedQueries: { cache: options.trustedDocuments.cache } } : {}),
    // GraphiQL is served by its own route (compressed once, revalidated by ETag). No cache hints
    // are used: answers are per caller.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      metrics.plugin(),
      federationTiming(totals),
      costHeader,
    ],
  });
  const graphiql = exposure.graphiql ? graphiqlPage() : undefined;

  return serveHttp<GatewayContext>({
    name: 'gateway',
    apollo,
    logger,
    metrics: { tokens: options.keys.metrics, registry: metrics.registry },
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
      fileProxy({ verify, subgraphUrls: options.subgraphUrls, keys: options.keys.identities }),
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

/** The federation's running totals, for Prometheus: the benchmark divides the gateway's time by the subgraphs'. */
function observeFederation(metrics: ServiceMetrics, totals: FederationTotals) {
  metrics.countedBy(
    'nuage_gateway_time_seconds_total',
    'Time spent answering operations, end to end.',
    () => totals.gatewayMs / 1000,
  );
  metrics.countedBy(
    'nuage_gateway_subgraph_critical_path_seconds_total',
    'Of that, the time at least one subgraph call was in flight.',
    () => totals.subgraphCriticalPathMs / 1000,
  );
  metrics.countedBy('nuage_gateway_subgraph_fetches_total', 'Calls made to subgraphs.', () => totals.subgraphFetches);
}
