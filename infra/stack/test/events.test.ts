import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '@nuage/fixtures/graphql';
import { catalogue } from '@nuage/catalogue';
import { SEED_ENTITY } from '@nuage/fixtures';
import { requests } from '@nuage/requests';
import { Role } from '@nuage/contracts';
import type { EventPeer } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';

/** The event channel between two real subgraphs: the catalogue (producer) and requests (consumer). */
let producer: TestSubgraph;
let consumer: TestSubgraph;
let consumerReachable = true;
const buyer = { userId: 'clara', role: Role.BENEFICIARY, name: 'Clara Maurice', entityId: SEED_ENTITY.id };

beforeAll(async () => {
  const internalSecret = 'shared-by-the-subgraphs';
  consumer = await startTestSubgraph(requests, inject('databaseUrl'), { internalSecret });
  const peers = (): EventPeer[] => [
    { name: 'requests', url: consumerReachable ? new URL('/', consumer.url).toString() : 'http://127.0.0.1:9' },
  ];
  producer = await startTestSubgraph(catalogue, inject('databaseUrl'), { internalSecret, peers });
  await producer.events.flush();
});
afterAll(async () => {
  await producer?.close();
  await consumer?.close();
});

const recordGuidedChoice = async () =>
  (
    await producer.query(
      buyer,
      graphql(
        `mutation { recordGuidedChoice(input: { projectName: "P", answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "HDS" }] }) { guidedChoice { id } } }`,
      ),
    )
  ).data!.recordGuidedChoice.guidedChoice!.id;
const consumerKnows = async (id: string) =>
  (await consumer.orm.em.fork().getConnection().execute('select 1 from known_guided_choice where id = ?', [id]))
    .length === 1;

describe('events between subgraphs', () => {
  it('reach the consumer before the mutation answers, and the catalogue seed reached it at start', async () => {
    const id = await recordGuidedChoice();
    expect(await consumerKnows(id)).toBe(true);
    const [known] = await consumer.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) as count from known_solution');
    expect(Number(known!.count)).toBe(39);
  });

  it('are kept while the consumer is down and delivered, once, when it is back', async () => {
    consumerReachable = false;
    const id = await recordGuidedChoice();
    expect(await consumerKnows(id)).toBe(false);
    const [pending] = await producer.orm.em
      .fork()
      .getConnection()
      .execute<{ attempts: number; last_error: string }[]>(
        'select attempts, last_error from event_outbox where published_at is null',
      );
    expect(pending!.attempts).toBeGreaterThanOrEqual(1);
    expect(pending!.last_error).toMatch(/requests/);

    consumerReachable = true;
    await new Promise((resolve) => setTimeout(resolve, 600)); // the first retry is due after 500 ms
    await producer.events.flush();
    expect(await consumerKnows(id)).toBe(true);
    const [pendingNow] = await producer.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) as count from event_outbox where published_at is null');
    expect(Number(pendingNow!.count)).toBe(0);
  });
});
