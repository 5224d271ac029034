import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { sqlStatementCount } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { BUYER_DASHBOARD, activateOrder, declareIncompleteOrder, placeOrderWithOvh } from '../src/journey.js';
import { SUBGRAPHS } from '../src/paths.js';

/** The buyer's dashboard spans the five subgraphs; what it costs must not grow with the files listed. */
let stack: TestStack;
const beneficiary = seededIdentity('beneficiary');

/** A file with everything the dashboard shows: an order, activated with a commitment, disputed. */
async function fullFile() {
  const orderId = await placeOrderWithOvh(stack);
  await activateOrder(stack, orderId, `UGAP-${orderId.slice(0, 8)}`);
  await declareIncompleteOrder(stack, orderId);
}

/** SQL statements each subgraph spends on one dashboard request. */
async function dashboardCost(first: number) {
  const before = SUBGRAPHS.map((name) => sqlStatementCount(stack.subgraphs[name].orm));
  const { data, errors } = await stack.query(beneficiary, BUYER_DASHBOARD, { first });
  expect(errors).toBeUndefined();
  const statements = Object.fromEntries(
    SUBGRAPHS.map((name, i) => [name, sqlStatementCount(stack.subgraphs[name].orm) - before[i]!]),
  );
  return { data: data!, statements };
}

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  await fullFile();
});
afterAll(() => stack?.close());

describe("the buyer's dashboard", () => {
  it('shows counts, requests with proposals, orders with brand, incidents and consumption, for the same SQL statements with 1 file as with 4', async () => {
    const one = await dashboardCost(10);
    expect(one.data.orders!.edges).toHaveLength(1);
    await fullFile();
    await fullFile();
    await fullFile();
    const four = await dashboardCost(10);
    const order = four.data.orders!.edges[0]!.node;
    expect(four.data.orders!.edges).toHaveLength(4);
    expect(
      four.data.requests!.edges.every((e: { node: { proposals: unknown[] } }) => e.node.proposals.length === 1),
    ).toBe(true);
    expect(order).toMatchObject({
      brand: { name: 'OVHCLOUD' },
      openIncidentCount: 1,
      incidents: [{ statusLabel: expect.any(String) }],
      consumption: { consumed: { amount: '0.00' } },
    });
    expect(four.data.dashboard).toMatchObject({ orders: 4, activationsToValidate: 0 });
    // The lists' totals are the dashboard's counts, whatever the page.
    expect(four.data.orders!.totalCount).toBe(4);
    expect(four.data.requests!.totalCount).toBe(4 + four.data.dashboard!.draftRequests);
    const second = await stack.query(beneficiary, BUYER_DASHBOARD, {
      first: 1,
      after: four.data.orders!.edges[0]!.cursor,
      requestsAfter: four.data.requests!.edges[0]!.cursor,
    });
    expect(second.data!.orders).toMatchObject({
      totalCount: 4,
      edges: [{ node: { reference: four.data.orders!.edges[1]!.node.reference } }],
    });
    expect(second.data!.requests!.totalCount).toBe(four.data.requests!.totalCount);
    expect(four.statements).toEqual(one.statements);
  });
});
