import { databaseUrl, eventsQueue, effectsQueue, type Identity } from '@nuage/platform';
import pg from 'pg';
import { textOf, type Operation } from '@nuage/fixtures/graphql';
import { signToken } from './keys';
import { SUBGRAPHS, type SubgraphName } from './paths';
import type { RunningStack } from './stack';
import type { JourneyClient } from './journey';

/** A client of a stack of processes (`startStack`): the gateway's API, and its events followed from their databases. */
export interface StackClient extends JourneyClient {
  /** Subgraphs whose consumption is not waited for by `settle` (they are stopped). */
  down: Set<SubgraphName>;
  /** Events and effects not yet done, of the subgraphs that are up. */
  inFlight: () => Promise<number>;
  close: () => Promise<void>;
}

export function stackClient(stack: RunningStack, serverUrl: string, databasePrefix: string): StackClient {
  // A killed server drops idle connections: the pool reports it and opens new ones.
  const pool = (service: string) =>
    new pg.Pool({ connectionString: databaseUrl(serverUrl, { service, databasePrefix }), max: 1 }).on(
      'error',
      () => {},
    );
  const outboxes = Object.fromEntries(SUBGRAPHS.map((name) => [name, pool(name)])) as Record<SubgraphName, pg.Pool>;
  const events = pool('events');
  const down = new Set<SubgraphName>();
  const count = async (db: pg.Pool, query: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(query, params)).rows[0]!.n);
  const inFlight = async () => {
    const up = SUBGRAPHS.filter((name) => !down.has(name));
    const outbox = await Promise.all(
      SUBGRAPHS.map((name) => count(outboxes[name], 'select count(*) as n from event_outbox where relayed_at is null')),
    );
    const queued = await count(
      events,
      "select count(*) as n from pgboss.job where name = any($1) and state in ('created', 'retry', 'active')",
      [up.flatMap((name) => [eventsQueue(name), effectsQueue(name)])],
    );
    return outbox.reduce((sum, n) => sum + n, 0) + queued;
  };
  return {
    down,
    inFlight,
    query: (async (identity: Identity | null, query: Operation<unknown, never>, variables?: unknown) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(identity ? { authorization: `Bearer ${await signToken(stack.keys, identity)}` } : {}),
        },
        body: JSON.stringify({ query: textOf(query), variables }),
      });
      return response.json();
    }) as JourneyClient['query'],
    settle: async () => {
      const deadline = Date.now() + 30_000;
      for (let quiet = 0; quiet < 2; ) {
        const n = await inFlight().catch(() => -1);
        quiet = n === 0 ? quiet + 1 : 0;
        if (Date.now() > deadline) throw new Error(`Events still in flight after 30 s (${n}).`);
        await new Promise((resolve) => setTimeout(resolve, n === 0 ? 5 : 25));
      }
    },
    close: async () => {
      await Promise.all([...Object.values(outboxes), events].map((db) => db.end()));
    },
  };
}
