import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { stableId, todayInParis, type Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack';
import { activateOrder, inDays, PEOPLE, placeOrderWithOvh } from '../src/journey';

/** Step 8 through the gateway: usage, commitments, figures and forecast, alerts, renewal, spend. */
let stack: TestStack;
let orderId = '';
let orderLineId = '';
const beneficiary = seededIdentity('beneficiary');
const ovh = seededIdentity('supplier:ovhcloud');
const aws = seededIdentity('supplier:aws');
const analyst = seededIdentity('analyst');
const { stranger } = PEOPLE;
const DAY = 86_400_000;
const START = 40; // the subscription started 40 days ago

/** A day of usage `daysAgo` days ago, costing `cost` euros. */
const usage = (id: string, daysAgo: number, cost = '200.00', overrides: Record<string, unknown> = {}) => ({
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
const push = async (caller: Identity, lines: unknown[]) => {
  const response = await stack.query(
    caller,
    'mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted duplicates alertsRaised rejected { index lineId field reason } } errors { code } } }',
    { lines },
  );
  const { report, errors } = response.data!.pushUsage;
  return errors.length ? { errors: errors.map((e: { code: string }) => e.code) } : report;
};
const FIGURES =
  'committed { amount } consumed { amount } percentUsed remaining { amount } dailyRunRate { amount } forecastExhaustionDate dueDate runsOutBeforeDue proposedRenewal { amount } monthly { month amount { amount } } method';

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  orderId = await placeOrderWithOvh(stack);
  [orderLineId] = (await activateOrder(stack, orderId)) as [string];
  // Time passes: the subscription started 40 days ago (as the ordering subgraph would have said then).
  await stack.subgraphs.consumption.orm.em
    .getConnection()
    .execute('update commitment set start_date = current_date - ? where order_id = ?', [START, orderId]);
});
afterAll(() => stack?.close());

describe('usage pushed by the supplier', () => {
  it('is recorded line by line: bad lines are rejected with their reason, the rest of the batch accepted', async () => {
    const lines = [
      ...Array.from({ length: 25 }, (_, i) => usage(`u-${i}`, 39 - i)),
      usage('bad-line', 2, '1.00', { orderLineId: stableId('order-line', 'unknown') }),
      usage('negative', 2, '1.00', { consumedQuantity: '-1' }),
      usage('dollars', 2, '1.00', { currency: 'USD' }),
      usage('too-early', START + 5),
    ];
    const report = await push(ovh, lines);
    expect(report).toMatchObject({ accepted: 25, duplicates: 0 });
    expect(report.rejected.map((r: { lineId: string; field: string }) => [r.lineId, r.field])).toEqual([
      ['bad-line', 'orderLineId'],
      ['negative', 'consumedQuantity'],
      ['dollars', 'currency'],
      ['too-early', 'chargePeriodStart'],
    ]);
    expect((await push(aws, [usage('aws-1', 1)])).rejected).toEqual([
      expect.objectContaining({ field: 'orderLineId' }),
    ]);
    expect(await push(beneficiary, [usage('x', 1)])).toEqual({ errors: ['FORBIDDEN'] });
  });

  it('adds nothing twice when a batch is retried', async () => {
    const again = await push(
      ovh,
      Array.from({ length: 25 }, (_, i) => usage(`u-${i}`, 39 - i)),
    );
    expect(again).toMatchObject({ accepted: 0, duplicates: 25, rejected: [] });
  });

  it('also comes from a FOCUS CSV export', async () => {
    const header =
      'x_LineId,x_OrderLineId,ChargePeriodStart,ChargePeriodEnd,ServiceName,ServiceCategory,ResourceId,SkuId,ConsumedQuantity,ConsumedUnit,BilledCost,EffectiveCost,BillingCurrency,Tags';
    const row = (id: string, daysAgo: number) => {
      const line = usage(id, daysAgo);
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
    const csv = [header, ...Array.from({ length: 15 }, (_, i) => row(`csv-${i}`, 14 - i))].join('\n');
    const { data } = await stack.query(
      ovh,
      'mutation($csv: String!) { importUsageCsv(csv: $csv) { report { accepted duplicates rejected { lineId reason } } } }',
      { csv },
    );
    expect(data!.importUsageCsv.report).toEqual({ accepted: 15, duplicates: 0, rejected: [] });
  });
});

describe('consumption figures, forecast and alerts', () => {
  it('give consumed against committed, the monthly series and when the commitment runs out at the current pace', async () => {
    const { data } = await stack.query(
      beneficiary,
      `query { orders(first: 100) { edges { node { id consumption { ${FIGURES} } lines { consumption { percentUsed } } } } } }`,
    );
    const order = data!.orders.edges.find((e: { node: { id: string } }) => e.node.id === orderId).node;
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
    expect(
      order.consumption.monthly.reduce(
        (sum: number, m: { amount: { amount: string } }) => sum + Math.round(Number(m.amount.amount) * 100),
        0,
      ),
    ).toBe(800000);
    expect(order.lines[0].consumption.percentUsed).toBe('82.56');
    expect(order.consumption.method).toMatch(/30 derniers jours/);
  });

  it('alert once per threshold (80 % now, 100 % later) and once for a forecast running out early, by email too', async () => {
    const alerts = async () =>
      (
        await stack.query(
          beneficiary,
          '{ consumptionAlerts { edges { node { id kind threshold percentUsed proposedRenewal { amount } orderLine { id } } } } }',
        )
      ).data!.consumptionAlerts.edges.map((e: { node: unknown }) => e.node);
    expect(
      (await alerts()).map((a: { kind: string; threshold: number | null }) => [a.kind, a.threshold]).sort(),
    ).toEqual([
      ['FORECAST', null],
      ['THRESHOLD', 80],
    ]);
    expect((await push(ovh, [usage('more-1', 0, '100.00')])).alertsRaised).toBe(0);
    expect((await push(ovh, [usage('more-2', 0, '2000.00')])).alertsRaised).toBe(1);
    expect((await alerts()).map((a: { threshold: number | null }) => a.threshold)).toContain(100);
    await stack.settle();
    const mails = readdirSync(join(stack.dataDir, 'mail'))
      .map((f) => readFileSync(join(stack.dataDir, 'mail', f), 'utf8'))
      .filter((m) => m.includes('consommation'));
    expect(mails.length).toBe(3 * 2); // three alerts, to the two buyers of the entity
    expect(
      (await stack.query(stranger, '{ consumptionAlerts { totalCount } }')).data!.consumptionAlerts.totalCount,
    ).toBe(0);
  });

  it('starts a renewal request from an alert with the amount the buyer states', async () => {
    const { data } = await stack.query(beneficiary, '{ consumptionAlerts { edges { node { id kind } } } }');
    const alert = data!.consumptionAlerts.edges.find(
      (e: { node: { kind: string } }) => e.node.kind === 'FORECAST',
    ).node;
    const RENEW =
      'mutation($id: ID!) { requestRenewalFromAlert(alertId: $id, amount: "5000.00") { request { id status kindLabel solutions { brand { name } } } errors { code field } } }';
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
      '{ requests(filter: { statuses: [DRAFT], kind: RENEWAL }) { edges { node { kindLabel items { designation orderId } solutions { brand { name } } } } } }',
    );
    expect(drafts.data!.requests.edges).toEqual([
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
    const { data } = await stack.query(
      beneficiary,
      `query($id: ID!) { beneficiaryEntity(id: $id) { consumption { consumed { amount } } consumptionByProject { projectName figures { percentUsed } } } requests(filter: { statuses: [ORDERED] }) { edges { node { consumption { consumed { amount } } } } } }`,
      { id: beneficiary.entityId },
    );
    expect(data!.beneficiaryEntity.consumption.consumed.amount).toBe('10100.00');
    expect(data!.beneficiaryEntity.consumptionByProject).toHaveLength(1);
    expect(
      data!.requests.edges.map(
        (e: { node: { consumption: { consumed: { amount: string } } | null } }) => e.node.consumption?.consumed.amount,
      ),
    ).toContain('10100.00');
    expect(
      await stack.query(
        stranger,
        'query($id: ID!) { beneficiaryEntity(id: $id) { consumption { consumed { amount } } } }',
        { id: beneficiary.entityId },
      ),
    ).toEqual({ data: { beneficiaryEntity: null } });
  });

  it('gives analysts spend by brand, entity and service category, month by month', async () => {
    const { data } = await stack.query(
      analyst,
      '{ byBrand: spendByMonth(dimension: BRAND) { key month effectiveCost { amount } lines } byCategory: spendByMonth(dimension: SERVICE_CATEGORY) { key } }',
    );
    expect(new Set(data!.byBrand.map((r: { key: string }) => r.key))).toEqual(new Set([stableId('brand', 'OVHCLOUD')]));
    expect(
      data!.byBrand.reduce(
        (sum: number, r: { effectiveCost: { amount: string } }) =>
          sum + Math.round(Number(r.effectiveCost.amount) * 100),
        0,
      ),
    ).toBe(1010000);
    expect(new Set(data!.byCategory.map((r: { key: string }) => r.key))).toEqual(new Set(['Compute']));
    expect(
      (await stack.query(beneficiary, '{ spendByMonth(dimension: BRAND) { key } }')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(todayInParis()).toBe(inDays(0));
  });
});
