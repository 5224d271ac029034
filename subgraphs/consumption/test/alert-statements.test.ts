import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStatementCount, stableId } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { activateOrder } from './activated-order.js';
import { consumption } from '../src/index.js';
import { raiseAlerts } from '../src/services/alerts.js';

let subgraph: TestSubgraph;
const lineIds = Array.from({ length: 12 }, (_, i) => stableId('order-line', `alerts-${i}`));

beforeAll(async () => {
  subgraph = await startTestSubgraph(consumption, inject('databaseUrl'));
  await activateOrder(subgraph, 'alerts', 'BC000777', lineIds, '1000.00');
});
afterAll(() => subgraph?.close());

/** The SQL statements raising the alerts of these lines costs. */
async function statementsToRaise(ids: string[]): Promise<number> {
  const before = sqlStatementCount(subgraph.orm);
  await subgraph.orm.em.fork().transactional((em) => raiseAlerts(em, ids));
  return sqlStatementCount(subgraph.orm) - before;
}

describe('the alerts new usage calls for', () => {
  it('are looked for in the same SQL statements for 1 order line as for 12', async () => {
    const one = await statementsToRaise(lineIds.slice(0, 1));
    expect(one).toBeGreaterThan(0);
    expect(await statementsToRaise(lineIds)).toBe(one);
  });
});
