import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '@nuage/platform';
import { graphql } from '@nuage/fixtures/graphql';
import { waitFor } from '@nuage/platform/testing';
import { activateOrder, PEOPLE, placeOrderWithOvh } from '../src/journey.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/postgres.js';
import { freePort, startStack, type RunningStack } from '../src/stack.js';
import { UNHURRIED_RATE_ENVIRONMENT } from '../src/test-stack.js';
import { stackClient, type StackClient } from '../src/stack-client.js';

/**
 * Faults with real processes: the five subgraphs and the gateway as supervised child processes,
 * as `npm start` runs them, on a PostgreSQL server of this file's own, which a test kills.
 */
const PREFIX = 'faults';
let dir: string;
let postgresDir: string;
let postgres: RunningPostgres;
let stack: RunningStack;
let client: StackClient;

/** One statement on a database of the stack, on a connection of its own. */
async function queryOf<T>(service: string, text: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: databaseUrl(postgres.url, { service, databasePrefix: PREFIX }) });
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nuage-faults-'));
  // A folder of its own: run as root, PostgreSQL runs as another user, who cannot enter `dir`.
  postgresDir = mkdtempSync(join(tmpdir(), 'nuage-faults-pg-'));
  postgres = await startEmbeddedPostgres(postgresDir, await freePort());
  stack = await startStack({
    databaseUrl: postgres.url,
    databasePrefix: PREFIX,
    gatewayPort: 0,
    firstSubgraphPort: 0,
    keysDir: join(dir, 'auth'),
    dataDir: dir,
    output: 'ignore',
    environment: { EVENT_RETRY_DELAY_SECONDS: '1', EVENT_RETRY_DELAY_MAX_SECONDS: '2' },
    gatewayEnvironment: UNHURRIED_RATE_ENVIRONMENT,
  });
  client = stackClient(stack, postgres.url, PREFIX);
  await client.settle();
});
afterAll(async () => {
  await client?.close();
  await stack?.stop();
  await postgres?.stop();
  for (const d of [dir, postgresDir]) if (d) rmSync(d, { recursive: true, force: true });
});

const DECLARE = graphql(`
  mutation($id: ID!) {
    declareIncident(input: { orderId: $id, typeCode: "INVOICING", description: "Facture reçue en double." }) { incident { id } errors { code } }
  }
`);
const ORDERS = graphql(`query { orders(first: 5) { edges { node { id disputed } } } }`);
const isDisputed = async (id: string) =>
  (await client.query(PEOPLE.beneficiary, ORDERS)).data?.orders?.edges.some((e) => e.node.id === id && e.node.disputed);

describe('a subgraph that is down', () => {
  it('delays nobody else, and catches up once, when it is back', async () => {
    const orderId = await placeOrderWithOvh(client);
    await stack.services.consumption!.stop();
    client.down.add('consumption');
    // The activation starts the order's commitments in consumption: that event waits in its queue.
    const lineIds = await activateOrder(client, orderId, 'UGAP-FAULTS-1');

    const declaredAt = Date.now();
    const declared = await client.query(PEOPLE.beneficiary, DECLARE, { id: orderId });
    expect(declared.data?.declareIncident.errors).toEqual([]);
    const disputed = await waitFor(async () => (await isDisputed(orderId)) === true, 1_000);
    expect({ disputed, withinOneSecond: Date.now() - declaredAt <= 1_000 }).toEqual({
      disputed: true,
      withinOneSecond: true,
    });
    expect(await queryOf('consumption', 'select 1 from commitment where order_id = $1', [orderId])).toEqual([]);

    await stack.services.consumption!.start();
    client.down.delete('consumption');
    await client.settle();
    const commitments = await queryOf<{ order_line_id: string }>(
      'consumption',
      'select order_line_id from commitment where order_id = $1 order by order_line_id',
      [orderId],
    );
    expect(commitments.map((c) => c.order_line_id)).toEqual([...lineIds].sort());
    const applied = await queryOf<{ n: string }>(
      'consumption',
      "select count(*) as n from event_inbox where topic = 'ordering.order.activated'",
    );
    expect(Number(applied[0]!.n)).toBe(1);
  });
});

describe('PostgreSQL killed during a stream of mutations', () => {
  it('loses no event of a mutation that succeeded and applies each once; the services reconnect by themselves', async () => {
    const RECORD = graphql(`
      mutation($name: String!) {
        recordGuidedChoice(input: { projectName: $name, answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "HDS" }] }) { guidedChoice { id } errors { code } }
      }
    `);
    const succeeded: string[] = [];
    let failed = 0;
    const killedPid = postgres.pid();
    for (let i = 0; i < 200; i++) {
      if (i === 60) process.kill(killedPid!, 'SIGKILL');
      const answer = await client
        .query(PEOPLE.beneficiary, RECORD, { name: `Flux ${i}` })
        .catch(() => ({ data: null, errors: [{}] }));
      if (i === 0) expect(answer).toMatchObject({ data: { recordGuidedChoice: { errors: [] } } });
      const id = answer.data?.recordGuidedChoice.guidedChoice?.id;
      if (id && !answer.errors?.length) succeeded.push(id);
      else failed += 1;
    }
    // Those sent while the server was down failed; the supervisor starts it again by itself, and the
    // services reconnect without a restart of their own.
    expect(failed).toBeGreaterThan(0);
    expect(succeeded.length).toBeGreaterThanOrEqual(60);
    const reconnected = await waitFor(async () => {
      const answer = await client.query(PEOPLE.beneficiary, RECORD, { name: 'Après' });
      const id = answer.data?.recordGuidedChoice.guidedChoice?.id;
      if (id) succeeded.push(id);
      return Boolean(id);
    }, 30_000);
    expect(reconnected).toBe(true);
    expect(postgres.pid()).not.toBe(killedPid);
    await client.settle();
    // Every answered mutation's event is applied by requests, once; nothing else arrived.
    const known = await queryOf<{ id: string }>('requests', 'select id from known_guided_choice where id = any($1)', [
      succeeded,
    ]);
    expect(known.length).toBe(succeeded.length);
    const [outbox] = await queryOf<{ n: string }>(
      'catalogue',
      "select count(*) as n from event_outbox where topic = 'catalogue.guided-choice.recorded'",
    );
    const [inbox] = await queryOf<{ n: string }>(
      'requests',
      "select count(*) as n from event_inbox where topic = 'catalogue.guided-choice.recorded'",
    );
    expect(Number(inbox!.n)).toBe(Number(outbox!.n));
  });
});
