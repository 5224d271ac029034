import type {} from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { devKeysEnvironment } from './dev-keys.js';
import { subgraphKeysFrom, type SubgraphKeys } from './service-settings.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSubgraphDatabase, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from './subgraph.js';
import { databaseExists, databaseName, maintenanceUrl, onConnection } from './db.js';
import { createLogger } from './logger.js';
import { IDENTITY_HEADER, signIdentity, type Identity } from './identity.js';
import type { Topic } from '@nuage/contracts';
import type { DeliveryPolicy } from './events/index.js';
import { take, type Actor, type Lifecycle } from './lifecycle.js';

declare module 'vitest' {
  /** What the test run's global setup provides: the URL of its PostgreSQL server. */
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestSubgraph extends RunningSubgraph {
  /** Its keys: identities are signed with them, to call its other routes (downloads) as the gateway does. */
  keys: SubgraphKeys;
  /** Where it keeps local mail. */
  dataDir: string;
  /**
   * Applies an event as its worker would on delivery (through the inbox); resolves whether it
   * changed anything (false for an event already applied).
   */
  deliver: (event: { id?: string; topic: Topic; source?: string; payload: object }) => Promise<boolean>;
  /**
   * Sends an operation as the gateway would, signed for `identity` (or anonymous with null): a typed
   * document (`graphql(…)` of `@nuage/fixtures/graphql`) types its variables and data.
   */
  query: {
    <Result, Variables>(
      identity: Identity | null,
      query: TypedDocumentNode<Result, Variables>,
      variables?: Variables,
      headers?: Record<string, string>,
    ): Promise<GraphQLResponse<Result>>;
    <T = Record<string, any>>(
      identity: Identity | null,
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ): Promise<GraphQLResponse<T>>;
  };
}

export interface TestSubgraphOptions {
  /** To share the keys with other test subgraphs. */
  keys?: SubgraphKeys;
  /** Its own settings (its features'…), besides their defaults. */
  settings?: Record<string, unknown>;
  /** Its databases' prefix: two subgraphs given the same one are two replicas of one service. */
  databasePrefix?: string;
  delivery?: DeliveryPolicy;
}

/** The keys test subgraphs share unless given others: those of one deployment, so that one's events are another's. */
export const TEST_KEYS: SubgraphKeys = subgraphKeysFrom(devKeysEnvironment());

const templates = new Map<string, Promise<string>>();

/**
 * A database of the subgraph's, migrated and seeded once per test server by whichever test file
 * asks first (under a lock: files run in parallel), that test databases are copied from: copying
 * its files replaces migrating and seeding the databases of every test file. Named after its
 * migrations' code, so that a changed migration gets a template of its own. A test database is
 * still migrated and seeded at start (nothing to do on a good copy).
 */
export function databaseTemplate(
  definition: Pick<SubgraphDefinition<unknown>, 'name' | 'entities' | 'migrations' | 'seed'>,
  serverUrl: string,
): Promise<string> {
  const migrations = definition.migrations.map((m) => `${m.name}\n${m.class.toString()}`).join('\n');
  const prefix = `template${createHash('sha256').update(migrations).digest('hex').slice(0, 12)}`;
  const name = databaseName({ service: definition.name, databasePrefix: prefix });
  const key = `${serverUrl} ${name}`;
  let template = templates.get(key);
  if (!template) {
    template = prepareTemplate(definition, serverUrl, prefix, name);
    templates.set(key, template);
  }
  return template;
}

async function prepareTemplate(
  definition: Pick<SubgraphDefinition<unknown>, 'name' | 'entities' | 'migrations' | 'seed'>,
  serverUrl: string,
  prefix: string,
  name: string,
): Promise<string> {
  await onConnection(maintenanceUrl(serverUrl), async (client) => {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    if (await databaseExists(client, name)) return;
    const orm = await openSubgraphDatabase(
      definition,
      { databaseUrl: serverUrl, databasePrefix: prefix },
      createLogger(definition.name),
    );
    await orm.close();
  });
  return name;
}

/** Starts one subgraph on a free port with databases of its own (a unique prefix) on the test server. */
export async function startTestSubgraph<L, S extends object>(
  definition: SubgraphDefinition<L, S>,
  databaseUrl: string,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const keys = options.keys ?? TEST_KEYS;
  const dataDir = mkdtempSync(join(tmpdir(), `nuage-${definition.name}-`));
  const running = await startSubgraph(definition, {
    port: 0,
    databaseUrl,
    databasePrefix: options.databasePrefix ?? `t${randomBytes(5).toString('hex')}`,
    databaseTemplate: await databaseTemplate(definition, databaseUrl),
    keys,
    delivery: options.delivery,
    settings: options.settings,
    dataDir,
  });
  return {
    ...running,
    keys,
    dataDir,
    deliver: async ({ id = randomUUID(), topic, source = 'test', payload }) => {
      const before = running.events.counters.eventsApplied;
      await running.events.apply({
        id,
        topic,
        source,
        occurredAt: new Date().toISOString(),
        payload: payload as never,
      });
      return running.events.counters.eventsApplied > before;
    },
    query: async (
      identity: Identity | null,
      query: TypedDocumentNode<unknown, unknown> | string,
      variables?: unknown,
      headers?: Record<string, string>,
    ) => {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(identity ? { [IDENTITY_HEADER]: signIdentity(identity, keys.identities) } : {}),
          ...headers,
        },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      return response.json() as Promise<GraphQLResponse<any>>;
    },
  };
}

/** A real 1×1 PNG, for uploads whose content is checked against their declared type. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A lifecycle's answer to a transition, for tables of cases: the state it leads to, or the code of its refusal. */
export function outcomeOf<S extends string, T extends string, A extends string>(
  lifecycle: Lifecycle<S, T, A>,
  from: S,
  transition: T,
  actor: Actor,
): S | string {
  try {
    return take(lifecycle, from, transition, actor);
  } catch (error) {
    return (error as { code: string }).code;
  }
}

/** Polls `check` until it holds (an error counts as not yet), at most `withinMs`; resolves whether it held. */
export async function waitFor(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
