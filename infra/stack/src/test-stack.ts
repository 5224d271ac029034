import { mkdtempSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from '@nuage/gateway';
import { sql, startSubgraph, type Identity, type RunningHttpService, type RunningSubgraph } from '@nuage/platform';
import { loadDefinition } from './definitions';
import { ALGORITHM, AUDIENCE, ensureDevKeys, ISSUER, signClaims, signToken } from './keys';
import { schemaDir, SUBGRAPHS, type SubgraphName } from './paths';
import { type Operation, textOf } from '@nuage/fixtures/graphql';
import type { TadaDocumentNode } from 'gql.tada';

/** What the gateway answers. */
export interface GatewayResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestStack {
  gatewayUrl: string;
  /** Where the subgraphs keep files and local mail. */
  dataDir: string;
  /** The secret the gateway signs identities with, for a second gateway process in a test. */
  internalSecret: string;
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
  /** Waits until every subgraph has delivered its pending events. */
  settle: () => Promise<void>;
  /** Makes a subgraph unreachable to the others' events (as if it were down), or reachable again. */
  setReachable: (name: SubgraphName, reachable: boolean) => void;
  close: () => Promise<void>;
}

/**
 * The five subgraphs and the gateway in this process, on free ports, with databases of their own
 * on the test server and events wired between them: for tests of behaviour that spans subgraphs,
 * faster than `startStack`'s child processes.
 */
export async function startTestStack(
  databaseUrl: string,
  options: { databasePrefix?: string } = {},
): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-test-stack-'));
  const internalSecret = randomBytes(16).toString('hex');
  const databasePrefix = options.databasePrefix ?? `s${randomBytes(5).toString('hex')}`;
  const urls: Partial<Record<SubgraphName, string>> = {};
  const unreachable = new Set<string>();
  // Every subgraph is a peer from the start: one not listening yet (or made unreachable) fails its
  // deliveries, which wait for their retry, instead of being left out of them.
  const peers = () =>
    SUBGRAPHS.map((name) => ({ name, url: urls[name] && !unreachable.has(name) ? urls[name] : 'http://127.0.0.1:9' }));
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  for (const name of SUBGRAPHS) {
    const running = await startSubgraph(await loadDefinition(name), {
      port: 0,
      databaseUrl,
      databasePrefix,
      internalSecret,
      dataDir: dir,
      peers: () => peers().filter((p) => p.name !== name),
    });
    subgraphs[name] = running;
    urls[name] = running.url.replace(/\/graphql$/, '');
  }
  const keys = await ensureDevKeys(join(dir, 'auth'));
  const gateway: RunningHttpService = await startGateway({
    port: 0,
    supergraphPath: join(schemaDir, 'supergraph.graphql'),
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphs[name].url])),
    auth: {
      publicKeyPem: readFileSync(keys.publicKeyPath, 'utf8'),
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: AUDIENCE,
    },
    internalSecret,
    // Short, so that a test sees a deactivation take effect without waiting half a minute.
    accountCacheMs: 200,
  });
  const settle = async () => {
    // Three rounds: an event applied by one subgraph may publish another (submitted → solicitation opened → …).
    for (let round = 0; round < 3; round++) await Promise.all(SUBGRAPHS.map((name) => subgraphs[name].events.flush()));
  };
  /** Pending events of all subgraphs (those whose delivery failed wait for their next attempt). */
  const pending = async () => {
    const counts = await Promise.all(
      SUBGRAPHS.map((name) =>
        sql<{ n: string }[]>(
          subgraphs[name].orm.em.fork(),
          'select count(*) as n from event_outbox where published_at is null',
        ),
      ),
    );
    return counts.reduce((sum, [row]) => sum + Number(row!.n), 0);
  };
  // At start, the first subgraphs' events failed to reach the ones not yet listening and wait for
  // their retry, later and later: every subgraph listens now, so they are made due at once. The
  // stack is ready once every event is delivered.
  const dueNow = () =>
    Promise.all(
      SUBGRAPHS.map((name) =>
        sql(
          subgraphs[name].orm.em.fork(),
          'update event_outbox set next_attempt_at = now() where published_at is null',
        ),
      ),
    );
  const deadline = Date.now() + 20_000;
  await settle();
  while ((await pending()) > 0) {
    if (Date.now() > deadline)
      throw new Error('The test stack started, but its startup events are still not delivered after 20 s.');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await dueNow();
    await settle();
  }
  const tokenFor = (identity: Identity) => signToken(keys, identity);
  return {
    gatewayUrl: gateway.url,
    dataDir: dir,
    internalSecret,
    subgraphs,
    tokenFor,
    signClaims: (claims) => signClaims(keys, claims),
    settle,
    setReachable: (name, reachable) => void (reachable ? unreachable.delete(name) : unreachable.add(name)),
    query: async (identity: Identity | null, query: Operation<unknown, never>, variables?: unknown) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(identity ? { authorization: `Bearer ${await tokenFor(identity)}` } : {}),
        },
        body: JSON.stringify({ query: textOf(query), variables }),
      });
      return response.json() as never;
    },
    close: async () => {
      await gateway.close();
      for (const name of SUBGRAPHS) await subgraphs[name].close();
    },
  };
}
