import type {} from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from './subgraph';
import { IDENTITY_HEADER, signIdentity, type Identity } from './identity';
import { EVENT_SIGNATURE_HEADER, signEvent, type EventPeer } from './events';

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
  /** The secret identities are signed with, to call its other routes (downloads) as the gateway does. */
  internalSecret: string;
  /** Where it keeps files and local mail. */
  dataDir: string;
  /** Delivers an event to it as a peer subgraph would (signed); resolves to the HTTP status. */
  deliver: (event: {
    id?: string;
    topic: string;
    source?: string;
    payload: Record<string, unknown>;
  }) => Promise<number>;
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
  /** Where its events go (other test subgraphs); none by default. */
  peers?: () => EventPeer[];
  /** To share the event signing secret with peers. */
  internalSecret?: string;
}

/** Starts one subgraph on a free port with databases of its own (a unique prefix) on the test server. */
export async function startTestSubgraph<L, S extends object>(
  definition: SubgraphDefinition<L, S>,
  databaseUrl: string,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const internalSecret = options.internalSecret ?? randomBytes(16).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), `nuage-${definition.name}-`));
  const running = await startSubgraph(definition, {
    port: 0,
    databaseUrl,
    databasePrefix: `t${randomBytes(5).toString('hex')}`,
    internalSecret,
    peers: options.peers,
    dataDir,
  });
  return {
    ...running,
    internalSecret,
    dataDir,
    deliver: async ({ id = randomUUID(), topic, source = 'test', payload }) => {
      const body = JSON.stringify({ id, topic, source, occurredAt: new Date().toISOString(), payload });
      const response = await fetch(new URL('/events', running.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [EVENT_SIGNATURE_HEADER]: signEvent(body, internalSecret) },
        body,
      });
      return response.status;
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
          ...(identity ? { [IDENTITY_HEADER]: signIdentity(identity, internalSecret) } : {}),
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
