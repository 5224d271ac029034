import { mkdtempSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_LIMITS,
  rateLimitVariable,
  startGateway,
  type BucketOwner,
  type BucketSize,
  type GatewayOptions,
} from '@nuage/gateway';
import { databaseTemplate } from '@nuage/platform/testing';
import {
  devKeysEnvironment,
  startSubgraph,
  subgraphKeysFrom,
  type Identity,
  type KeysEnvironment,
  type RunningHttpService,
  type RunningSubgraph,
  type SubgraphKeys,
} from '@nuage/platform';
import { loadDefinition } from './definitions.js';
import { ALGORITHM, AUDIENCE, ensureDevKeys, ISSUER, signClaims, signToken } from './keys.js';
import { schemaDir, SUBGRAPHS, type SubgraphName } from './paths.js';
import { gatewayQuery, settleWhen } from './gateway-client.js';
import type { TadaDocumentNode } from 'gql.tada';

/** What the gateway answers. */
export interface GatewayResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestStack {
  gatewayUrl: string;
  /** Where the subgraphs keep local mail (and the dev signing keys). */
  dataDir: string;
  /** The keys every service holds, and as an environment for another process of the stack in a test. */
  keys: SubgraphKeys;
  keysEnvironment: KeysEnvironment;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** A bearer token for an identity, as the identity provider would sign it. */
  tokenFor: (identity: Identity) => Promise<string>;
  /** A bearer token of exactly these claims, signed with the trusted key (for malformed tokens). */
  signClaims: (claims: Record<string, unknown>) => Promise<string>;
  /**
   * A GraphQL request through the gateway: with a typed document (`graphql(…)`), its variables and
   * data are typed; with text, the data is what the test says.
   */
  query: {
    <Result, Variables>(
      identity: Identity | null,
      query: TadaDocumentNode<Result, Variables>,
      variables?: Variables,
    ): Promise<GatewayResponse<Result>>;
    <T = Record<string, any>>(
      identity: Identity | null,
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<GatewayResponse<T>>;
  };
  /** Waits until every event and effect is applied (but those of paused consumers). */
  settle: () => Promise<void>;
  /**
   * Another gateway over the same subgraphs, with other settings (limits, exposure, CORS…): its URL,
   * a `query` like the stack's, and its `close`.
   */
  gateway: (
    overrides: Partial<GatewayOptions>,
  ) => Promise<{ url: string; query: TestStack['query']; close: () => Promise<void> }>;
  /** Stops a subgraph applying events (as if it were down; they wait in its queue), or starts it again. */
  setConsuming: (name: SubgraphName, consuming: boolean) => Promise<void>;
  close: () => Promise<void>;
}

/** Rates no test or benchmark reaches by playing the journey, as options and as a gateway's environment. */
const UNHURRIED: BucketSize = { burst: 100_000, perSecond: 10_000 };
const OWNERS = Object.keys(DEFAULT_LIMITS.rateLimits) as BucketOwner[];
const UNHURRIED_RATES = Object.fromEntries(OWNERS.map((owner) => [owner, UNHURRIED])) as Record<
  BucketOwner,
  BucketSize
>;
export const UNHURRIED_RATE_ENVIRONMENT = Object.fromEntries(
  OWNERS.map((owner) => [rateLimitVariable(owner), `${UNHURRIED.burst}:${UNHURRIED.perSecond}`]),
);

/**
 * The five subgraphs and the gateway in this process, on free ports, with databases of their own
 * on the test server and one events database between them: for tests of behaviour that spans subgraphs,
 * faster than `startStack`'s child processes.
 */
export async function startTestStack(
  databaseUrl: string,
  options: {
    databasePrefix?: string;
    /** Settings of some subgraphs besides their defaults (a faster clock, shorter retries, allowed webhook hosts). */
    settings?: Partial<Record<SubgraphName, Record<string, unknown>>>;
  } = {},
): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-test-stack-'));
  const keysEnvironment = devKeysEnvironment();
  const platformKeys = subgraphKeysFrom(keysEnvironment);
  const databasePrefix = options.databasePrefix ?? `s${randomBytes(5).toString('hex')}`;
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const definition = await loadDefinition(name);
      subgraphs[name] = await startSubgraph(definition, {
        port: 0,
        databaseUrl,
        databasePrefix,
        databaseTemplate: await databaseTemplate(definition, databaseUrl),
        keys: platformKeys,
        dataDir: dir,
        settings: options.settings?.[name],
      });
    }),
  );
  const keys = await ensureDevKeys(join(dir, 'auth'));
  const gatewayOptions: GatewayOptions = {
    port: 0,
    supergraphPath: join(schemaDir, 'supergraph.graphql'),
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphs[name].url])),
    auth: {
      publicKeyPem: readFileSync(keys.publicKeyPath, 'utf8'),
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: AUDIENCE,
    },
    keys: platformKeys,
    // Short, so that a test sees a deactivation take effect without waiting half a minute.
    accountCacheMs: 200,
    // The default limits of operations, but not of rates: a test plays many people's work with a
    // few seeded ones, far faster than people click (the rate tests start a gateway of their own).
    limits: { rateLimits: UNHURRIED_RATES },
  };
  const gateway: RunningHttpService = await startGateway(gatewayOptions);
  const paused = new Set<SubgraphName>();
  // Startup's events (the catalogue announces its solutions) settle before the stack is handed over.
  const settle = () =>
    settleWhen(async () => {
      const counts = await Promise.all(
        SUBGRAPHS.filter((name) => !paused.has(name)).map((name) => subgraphs[name].events.inFlight()),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    }, 20_000);
  await settle();
  const tokenFor = (identity: Identity) => signToken(keys, identity);
  return {
    gatewayUrl: gateway.url,
    dataDir: dir,
    keys: platformKeys,
    keysEnvironment,
    subgraphs,
    tokenFor,
    signClaims: (claims) => signClaims(keys, claims),
    settle,
    setConsuming: async (name, consuming) => {
      if (consuming) {
        paused.delete(name);
        await subgraphs[name].events.resumeConsuming();
      } else {
        paused.add(name);
        await subgraphs[name].events.pauseConsuming();
      }
    },
    query: gatewayQuery(gateway.url, tokenFor),
    gateway: async (overrides) => {
      const another = await startGateway({ ...gatewayOptions, ...overrides });
      return { url: another.url, query: gatewayQuery(another.url, tokenFor), close: another.close };
    },
    close: async () => {
      await gateway.close();
      for (const name of SUBGRAPHS) await subgraphs[name].close();
    },
  };
}
