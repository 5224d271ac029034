import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { sql, stableId } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { activateOrder } from './activated-order.js';
import { consumption } from '../src/index.js';
import { recordUsage, type UsageInput } from '../src/services/usage.js';

let subgraph: TestSubgraph;
const orderLineIds = Array.from({ length: 12 }, (_, i) => stableId('order-line', `concurrent-${i}`));
const supplier = seededIdentity('supplier:ovhcloud');

beforeAll(async () => {
  subgraph = await startTestSubgraph(consumption, inject('databaseUrl'));
  await activateOrder(subgraph, 'concurrent', 'BC000778', orderLineIds, '100000.00');
});
afterAll(() => subgraph?.close());

/** A line of each order line on each day of `days` (days of 2026 from 1 January), 1.00 € each. */
const linesOn = (round: number, days: number[]): UsageInput[] =>
  days.flatMap((day) =>
    orderLineIds.map((orderLineId, i) => {
      const start = new Date(Date.UTC(2026, 0, 1 + day));
      return {
        lineId: `round-${round}-${i}-${day}`,
        orderLineId,
        chargePeriodStart: start.toISOString(),
        chargePeriodEnd: new Date(start.getTime() + 3_600_000).toISOString(),
        serviceName: 'Calcul',
        serviceCategory: ['Compute', 'Storage'][i % 2]!,
        consumedQuantity: '1',
        consumedUnit: 'Hours',
        billedCost: '1.00',
        effectiveCost: '1.00',
        currency: 'EUR',
      };
    }),
  );
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('batches of usage pushed at the same time', () => {
  it('over the same months and lines, in opposite orders, are all recorded once, without a deadlock', async () => {
    let expected = 0;
    for (let round = 0; round < 8; round++) {
      // January to June and April to September: the monthly totals of April to June are in both,
      // and the lines of April and May are sent by both.
      const first = linesOn(round, range(0, 150));
      const second = linesOn(round, range(90, 270)).reverse();
      const reports = await Promise.all([
        recordUsage(subgraph.orm.em.fork(), supplier, first),
        recordUsage(subgraph.orm.em.fork(), supplier, second),
      ]);
      expect(reports.flatMap((report) => report.rejected)).toEqual([]);
      expect(reports[0].accepted + reports[1].accepted).toBe(270 * orderLineIds.length);
      expected += 270 * orderLineIds.length;
    }
    const [totals] = await sql<{ lines: string; amount: string }[]>(
      subgraph.orm.em.fork(),
      'select sum(lines) as lines, sum(effective_cost) as amount from usage_month where order_line_id in (?)',
      [orderLineIds],
    );
    expect(Number(totals!.lines)).toBe(expected);
    expect(totals!.amount).toBe(`${expected}.0000`);
  });
});
