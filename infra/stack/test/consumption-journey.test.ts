import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { stableId, todayInParis, type Identity } from '@nuage/platform';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';
import { activateOrder, inDays, PEOPLE, placeOrderWithOvh } from '../src/journey.js';
import { startTestStack, type TestStack } from '../src/test-stack.js';

/**
 * Step 8 through the gateway: usage, commitments, figures and forecast, alerts, renewal, spend.
 * Each test runs on a subscription of its own.
 */
let stack: TestStack;
const beneficiary = seededIdentity('beneficiary');
const ovh = seededIdentity('supplier:ovhcloud');
const aws = seededIdentity('supplier:aws');
const analyst = seededIdentity('analyst');
const { stranger } = PEOPLE;
const DAY = 86_400_000;
const START = 40; // each subscription started 40 days ago

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

const PUSH = graphql(`
  mutation Push($lines: [UsageLineInput!]!) {
    pushUsage(lines: $lines) { report { accepted duplicates alertsRaised rejected { index lineId field reason } } errors { code } }
  }
`);
type UsageLine = VariablesOf<typeof PUSH>['lines'][number];

/** A day of usage of a line `daysAgo` days ago, costing `cost` euros. */
const usage = (
  orderLineId: string,
  id: string,
  daysAgo: number,
  cost = '200.00',
  overrides: Partial<UsageLine> = {},
) => ({
  lineId: id,
  orderLineId,
  chargePeriodStart: new Date(Date.parse(`${inDays(-daysAgo)}T00:00:00Z`)).toISOString(),
  chargePeriodEnd: new Date(Date.parse(`${inDays(-daysAgo)}T00:00:00Z`) + DAY).toISOString(),
  serviceName: 'OVH Private Cloud SecNumCloud',
  serviceCategory: 'Compute',
  resourceId: 'host-01',
  skuId: 'PCC-SNC-HOST',
  consumedQuantity: '24',
  consumedUnit: 'Hours',
  billedCost: cost,
  effectiveCost: cost,
  currency: 'EUR',
  tags: { projet: 'environnement-cloud' },
  ...overrides,
});
const push = async (caller: Identity, lines: UsageLine[]) => {
  const { report, errors } = (await stack.query(caller, PUSH, { lines })).data!.pushUsage;
  return errors.length ? { errors: errors.map((e) => e.code) } : report!;
};

/** A subscription of the seeded entity with OVHcloud, activated 40 days ago (9 690,00 € committed). */
async function subscription() {
  const orderId = await placeOrderWithOvh(stack);
  const [orderLineId] = (await activateOrder(stack, orderId)) as [string];
  // Time passes: the subscription started 40 days ago (as the ordering subgraph would have said then).
  await stack.subgraphs.consumption.orm.em
    .getConnection()
    .execute('update commitment set start_date = current_date - ? where order_id = ?', [START, orderId]);
  return { orderId, orderLineId };
}

/** A subscription that has consumed 200,00 € a day since it started: 8 000,00 of 9 690,00. */
async function consumingSubscription() {
  const running = await subscription();
  const report = await push(
    ovh,
    Array.from({ length: START }, (_, i) => usage(running.orderLineId, `${running.orderLineId}-${i}`, START - 1 - i)),
  );
  expect(report).toMatchObject({ accepted: START });
  await stack.settle();
  return running;
}

const ORDERS = graphql(`
  query Orders {
    orders(first: 100) {
      edges { node {
        id reference
        consumption {
          committed { amount } consumed { amount } percentUsed remaining { amount } dailyRunRate { amount }
          forecastExhaustionDate dueDate runsOutBeforeDue proposedRenewal { amount } monthly { month amount { amount } } method
        }
        lines { consumption { percentUsed } }
      } }
    }
  }
`);
const orders = async () => (await stack.query(beneficiary, ORDERS)).data!.orders!.edges.map((e) => e.node);
const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('usage pushed by the supplier', () => {
  it('is recorded line by line: bad lines are rejected with their reason, the rest of the batch accepted', async () => {
    const { orderLineId } = await subscription();
    const lines = [
      ...Array.from({ length: 25 }, (_, i) => usage(orderLineId, `u-${orderLineId}-${i}`, 39 - i)),
      usage(orderLineId, 'bad-line', 2, '1.00', { orderLineId: stableId('order-line', 'unknown') }),
      usage(orderLineId, 'negative', 2, '1.00', { consumedQuantity: '-1' }),
      usage(orderLineId, 'dollars', 2, '1.00', { currency: 'USD' }),
      usage(orderLineId, 'too-early', START + 5),
    ];
    const report = await push(ovh, lines);
    expect(report).toMatchObject({ accepted: 25, duplicates: 0 });
    expect('rejected' in report && report.rejected.map((r) => [r.lineId, r.field])).toEqual([
      ['bad-line', 'orderLineId'],
      ['negative', 'consumedQuantity'],
      ['dollars', 'currency'],
      ['too-early', 'chargePeriodStart'],
    ]);
    expect(await push(aws, [usage(orderLineId, 'aws-1', 1)])).toMatchObject({
      rejected: [expect.objectContaining({ field: 'orderLineId' })],
    });
    expect(await push(beneficiary, [usage(orderLineId, 'x', 1)])).toEqual({ errors: ['FORBIDDEN'] });
  });

  it('adds nothing twice when a batch is retried', async () => {
    const { orderLineId } = await subscription();
    const batch = Array.from({ length: 25 }, (_, i) => usage(orderLineId, `retry-${orderLineId}-${i}`, 39 - i));
    expect(await push(ovh, batch)).toMatchObject({ accepted: 25, duplicates: 0, rejected: [] });
    expect(await push(ovh, batch)).toMatchObject({ accepted: 0, duplicates: 25, rejected: [] });
  });

  it('also comes from a FOCUS CSV export', async () => {
    const { orderLineId } = await subscription();
    const header =
      'x_LineId,x_OrderLineId,ChargePeriodStart,ChargePeriodEnd,ServiceName,ServiceCategory,ResourceId,SkuId,ConsumedQuantity,ConsumedUnit,BilledCost,EffectiveCost,BillingCurrency,Tags';
    const row = (id: string, daysAgo: number) => {
      const line = usage(orderLineId, id, daysAgo);
      return [
        id,
        orderLineId,
        line.chargePeriodStart,
        line.chargePeriodEnd,
        '"OVH Private Cloud, SecNumCloud"',
        'Compute',
        'host-01',
        'PCC-SNC-HOST',
        '24',
        'Hours',
        '200.00',
        '200.00',
        'EUR',
        '"{""projet"":""csv""}"',
      ].join(',');
    };
    const csv = [header, ...Array.from({ length: 15 }, (_, i) => row(`csv-${orderLineId}-${i}`, 14 - i))].join('\n');
    const { data } = await stack.query(
      ovh,
      graphql(`
        mutation Import($csv: String!) { importUsageCsv(csv: $csv) { report { accepted duplicates rejected { lineId reason } } } }
      `),
      { csv },
    );
    expect(data!.importUsageCsv.report).toEqual({ accepted: 15, duplicates: 0, rejected: [] });
  });
});

describe('consumption figures, forecast and alerts', () => {
  it('give consumed against committed, the monthly series and when the commitment runs out at the current pace', async () => {
    const { orderId } = await consumingSubscription();
    const order = (await orders()).find((o) => o.id === orderId)!;
    // 40 days × 200,00 = 8 000,00 of 9 690,00; the last 30 days ran at 200,00 a day.
    expect(order.consumption).toMatchObject({
      committed: { amount: '9690.00' },
      consumed: { amount: '8000.00' },
      percentUsed: '82.56',
      remaining: { amount: '1690.00' },
      dailyRunRate: { amount: '200.00' },
      forecastExhaustionDate: inDays(9),
      runsOutBeforeDue: true,
    });
    expect(order.consumption!.monthly.reduce((sum, m) => sum + cents(m.amount.amount), 0)).toBe(800000);
    expect(order.lines[0]!.consumption!.percentUsed).toBe('82.56');
    expect(order.consumption!.method).toMatch(/30 derniers jours/);
  });

  it('alert once per threshold (80 % now, 100 % later) and once for a forecast running out early, by email too', async () => {
    const { orderId, orderLineId } = await consumingSubscription();
    const ALERTS = graphql(`
      query Alerts { consumptionAlerts { edges { node { id kind threshold percentUsed proposedRenewal { amount } orderLine { id } } } } }
    `);
    const alerts = async () =>
      (await stack.query(beneficiary, ALERTS))
        .data!.consumptionAlerts!.edges.map((e) => e.node)
        .filter((a) => a.orderLine.id === orderLineId);
    expect((await alerts()).map((a) => [a.kind, a.threshold]).sort()).toEqual([
      ['FORECAST', null],
      ['THRESHOLD', 80],
    ]);
    expect(await push(ovh, [usage(orderLineId, `more-1-${orderLineId}`, 0, '100.00')])).toMatchObject({
      alertsRaised: 0,
    });
    expect(await push(ovh, [usage(orderLineId, `more-2-${orderLineId}`, 0, '2000.00')])).toMatchObject({
      alertsRaised: 1,
    });
    expect((await alerts()).map((a) => a.threshold)).toContain(100);
    await stack.settle();
    const reference = (await orders()).find((o) => o.id === orderId)!.reference;
    const mails = readdirSync(join(stack.dataDir, 'mail'))
      .map((f) => readFileSync(join(stack.dataDir, 'mail', f), 'utf8'))
      .filter((m) => m.includes('consommation') && m.includes(reference));
    expect(mails.length).toBe(3 * 2); // three alerts, to the two buyers of the entity
    const COUNT = graphql(`query AlertCount { consumptionAlerts { totalCount } }`);
    expect((await stack.query(stranger, COUNT)).data!.consumptionAlerts!.totalCount).toBe(0);
  });

  it('starts a renewal request from an alert with the amount the buyer states', async () => {
    const { orderId, orderLineId } = await consumingSubscription();
    const { data } = await stack.query(
      beneficiary,
      graphql(`query Forecasts { consumptionAlerts { edges { node { id kind orderLine { id } } } } }`),
    );
    const alert = data!.consumptionAlerts!.edges.find(
      (e) => e.node.kind === 'FORECAST' && e.node.orderLine.id === orderLineId,
    )!.node;
    const RENEW = graphql(`
      mutation Renew($id: ID!) {
        requestRenewalFromAlert(alertId: $id, amount: "5000.00") { request { id status kindLabel solutions { brand { name } } } errors { code field } }
      }
    `);
    const asked = await stack.query(beneficiary, RENEW, { id: alert.id });
    // The draft it created, already readable through the gateway, soliciting the brand of the order renewed.
    expect(asked.data!.requestRenewalFromAlert).toEqual({
      request: {
        id: expect.any(String),
        status: 'DRAFT',
        kindLabel: 'Renouvellement',
        solutions: [{ brand: { name: 'OVHCLOUD' } }],
      },
      errors: [],
    });
    expect((await stack.query(beneficiary, RENEW, { id: alert.id })).data!.requestRenewalFromAlert).toEqual({
      request: null,
      errors: [{ code: 'CONFLICT', field: 'alertId' }],
    });
    await stack.settle();
    const drafts = await stack.query(
      beneficiary,
      graphql(`
        query Drafts { requests(filter: { statuses: [DRAFT], kind: RENEWAL }) { edges { node { kindLabel items { designation orderId } solutions { brand { name } } } } } }
      `),
    );
    expect(drafts.data!.requests!.edges.filter((e) => e.node.items.some((item) => item.orderId === orderId))).toEqual([
      {
        node: {
          kindLabel: 'Renouvellement',
          items: [{ designation: expect.stringContaining('Crédits de consommation'), orderId }],
          solutions: [{ brand: { name: 'OVHCLOUD' } }],
        },
      },
    ]);
  });

  it('show on the request, the entity and its projects, to their readers only', async () => {
    await consumingSubscription();
    const { data } = await stack.query(
      beneficiary,
      graphql(`
        query Entity($id: ID!) {
          beneficiaryEntity(id: $id) { consumption { consumed { amount } } consumptionByProject { projectName figures { consumed { amount } } } }
          requests(first: 100, filter: { statuses: [ORDERED] }) { edges { node { consumption { consumed { amount } } } } }
        }
      `),
      { id: beneficiary.entityId! },
    );
    // The entity's consumption is its files' (each file is one order here), and its projects' add up to it.
    const entity = cents(data!.beneficiaryEntity!.consumption!.consumed.amount);
    const byRequest = data!.requests!.edges.reduce(
      (sum, e) => sum + cents(e.node.consumption?.consumed.amount ?? '0'),
      0,
    );
    const byProject = data!.beneficiaryEntity!.consumptionByProject!.reduce(
      (sum, p) => sum + cents(p.figures.consumed.amount),
      0,
    );
    expect(entity).toBeGreaterThanOrEqual(800000);
    expect(byRequest).toBe(entity);
    expect(byProject).toBe(entity);
    expect(
      await stack.query(
        stranger,
        graphql(`query Other($id: ID!) { beneficiaryEntity(id: $id) { consumption { consumed { amount } } } }`),
        { id: beneficiary.entityId! },
      ),
    ).toEqual({ data: { beneficiaryEntity: null } });
  });

  it('gives analysts spend by brand, entity and service category, month by month', async () => {
    await consumingSubscription();
    const SPEND = graphql(`
      query Spend {
        byBrand: spendByMonth(dimension: BRAND) { key month effectiveCost { amount } lines }
        byCategory: spendByMonth(dimension: SERVICE_CATEGORY) { key }
      }
    `);
    const { data } = await stack.query(analyst, SPEND);
    expect(new Set(data!.byBrand!.map((r) => r.key))).toEqual(new Set([stableId('brand', 'OVHCLOUD')]));
    // The market's spend is every order's consumption (all of them the seeded entity's here).
    const consumed = (await orders()).reduce((sum, o) => sum + cents(o.consumption?.consumed.amount ?? '0'), 0);
    expect(data!.byBrand!.reduce((sum, r) => sum + cents(r.effectiveCost.amount), 0)).toBe(consumed);
    expect(new Set(data!.byCategory!.map((r) => r.key))).toEqual(new Set(['Compute']));
    expect((await stack.query(beneficiary, SPEND)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(todayInParis()).toBe(inDays(0));
  });
});
