import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Role, TOPICS } from '@nuage/contracts';
import { SEED_ENTITY } from '@nuage/fixtures';
import { ordering } from '@nuage/ordering';
import {
  eventJobId,
  eventsQueue,
  IDENTITY_HEADER,
  KeyRing,
  signedEvent,
  signIdentity,
  sql,
  subgraphKeysFrom,
  type SubgraphKeys,
} from '@nuage/platform';
import { startTestSubgraph, waitFor, type TestSubgraph } from '@nuage/platform/testing';
import { submittedRequest } from './fixtures/events.js';

/**
 * Rotating a key without downtime: deploy `new,old` everywhere (the new one signs, both verify),
 * then `new` alone. Each kind of key — identities, events, metrics — rotates on its own.
 */
const key = () => randomBytes(32).toString('base64url');
const [oldIdentity, newIdentity, oldEvents, newEvents, oldMetrics, newMetrics] = Array.from({ length: 6 }, key);
const keysOf = (identities: string[], events: string[], metrics: string[]): SubgraphKeys =>
  subgraphKeysFrom({
    IDENTITY_SIGNING_KEYS: identities.join(','),
    EVENT_SIGNING_KEYS: events.join(','),
    METRICS_TOKENS: metrics.join(','),
  });
const during = keysOf([newIdentity!, oldIdentity!], [newEvents!, oldEvents!], [newMetrics!, oldMetrics!]);
const after = keysOf([newIdentity!], [newEvents!], [newMetrics!]);

const buyer = { userId: randomUUID(), role: Role.BENEFICIARY, name: 'Clara Maurice', entityId: SEED_ENTITY.id };
const databasePrefix = `k${randomBytes(4).toString('hex')}`;

/** The buyer's orders, with an identity signed by `keys` as a gateway holding them would sign it. */
const ordersSignedWith = async (subgraph: TestSubgraph, keys: string[]) => {
  const { data, errors } = await subgraph.query(null, '{ orders(first: 1) { totalCount } }', undefined, {
    [IDENTITY_HEADER]: signIdentity(buyer, new KeyRing(keys)),
  });
  return data?.orders ? 'answered' : errors?.[0]?.extensions?.code;
};
const metricsWith = async (subgraph: TestSubgraph, token: string) =>
  (await fetch(new URL('/metrics', subgraph.url), { headers: { authorization: `Bearer ${token}` } })).status;
/** A request submitted by another subgraph whose relay signs with `keys`: applied, it solicits OVHcloud. */
const relaySubmittedRequest = async (subgraph: TestSubgraph, keys: string[]) => {
  const request = submittedRequest();
  const event = signedEvent(
    {
      id: randomUUID(),
      topic: TOPICS.requestSubmitted,
      source: 'requests',
      occurredAt: new Date().toISOString(),
      payload: request,
    },
    new KeyRing(keys),
  );
  await subgraph.events.boss.insert(eventsQueue('ordering'), [
    { id: eventJobId(event.id, 'ordering'), singletonKey: `request/${request.requestId}`, data: event },
  ]);
  return request.requestId;
};
const solicited = async (subgraph: TestSubgraph, requestId: string) =>
  waitFor(
    async () =>
      (
        await sql<{ n: string }[]>(
          subgraph.orm.em.fork(),
          'select count(*) as n from solicitation where request_id = ?',
          [requestId],
        )
      )[0]!.n === '1',
    5_000,
  );

let subgraph: TestSubgraph | undefined;
/** Ordering over the same databases, holding these keys (an event that fails is not retried). */
const startOrdering = (keys: SubgraphKeys) =>
  startTestSubgraph(ordering, inject('databaseUrl'), {
    databasePrefix,
    keys,
    delivery: { retryLimit: 0, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 },
  });
afterAll(() => subgraph?.close());

describe('keys under rotation', () => {
  it('accept what was signed with the old key and the new one, while both are listed', async () => {
    subgraph = await startOrdering(during);
    expect(await ordersSignedWith(subgraph, [oldIdentity!])).toBe('answered');
    expect(await ordersSignedWith(subgraph, [newIdentity!])).toBe('answered');
    expect(await metricsWith(subgraph, oldMetrics!)).toBe(200);
    expect(await metricsWith(subgraph, newMetrics!)).toBe(200);
    expect(await solicited(subgraph, await relaySubmittedRequest(subgraph, [oldEvents!]))).toBe(true);
    expect(await solicited(subgraph, await relaySubmittedRequest(subgraph, [newEvents!]))).toBe(true);
  });

  it('refuse the old key once it is withdrawn, and anything signed with a key never listed', async () => {
    await subgraph?.close();
    subgraph = await startOrdering(after);
    expect(await ordersSignedWith(subgraph, [newIdentity!])).toBe('answered');
    expect(await ordersSignedWith(subgraph, [oldIdentity!])).toBe('UNAUTHENTICATED');
    expect(await ordersSignedWith(subgraph, [key()])).toBe('UNAUTHENTICATED');
    expect(await metricsWith(subgraph, newMetrics!)).toBe(200);
    expect(await metricsWith(subgraph, oldMetrics!)).toBe(401);
    expect(await solicited(subgraph, await relaySubmittedRequest(subgraph, [newEvents!]))).toBe(true);
    // An event signed with a withdrawn key is not applied: it fails, and ends with the dead letters.
    expect(await solicited(subgraph, await relaySubmittedRequest(subgraph, [oldEvents!]))).toBe(false);
  });
});
