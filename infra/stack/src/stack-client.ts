import { databaseUrl, eventsQueue, effectsQueue } from '@nuage/platform';
import pg from 'pg';
import { signToken } from './keys.js';
import { SUBGRAPHS, type SubgraphName } from './paths.js';
import type { RunningStack } from './stack.js';
import type { JourneyClient } from './journey.js';
import { gatewayQuery, settleWhen } from './gateway-client.js';

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
    query: gatewayQuery(stack.gatewayUrl, (identity) => signToken(stack.keys, identity)),
    settle: () => settleWhen(inFlight, 30_000),
    close: async () => {
      await Promise.all([...Object.values(outboxes), events].map((db) => db.end()));
    },
  };
}
