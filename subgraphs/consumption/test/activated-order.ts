import { TOPICS } from '@nuage/contracts';
import { stableId } from '@nuage/platform';
import type { TestSubgraph } from '@nuage/platform/testing';

/**
 * Tells the subgraph that an OVHcloud order of the seeded entity, running through 2026, was
 * activated with these lines, each committing `committedAmount`, as ordering's event would.
 */
export function activateOrder(
  subgraph: TestSubgraph,
  name: string,
  reference: string,
  orderLineIds: string[],
  committedAmount: string,
): Promise<boolean> {
  return subgraph.deliver({
    topic: TOPICS.orderActivated,
    source: 'ordering',
    payload: {
      orderId: stableId('order', name),
      reference,
      requestId: null,
      entityId: '00000000-0000-4000-8000-000000000001',
      brandId: stableId('brand', 'OVHCLOUD'),
      projectName: 'Calcul',
      startDate: '2026-01-01',
      dueDate: '2027-01-01',
      lines: orderLineIds.map((orderLineId, i) => ({ orderLineId, designation: `Ligne ${i}`, committedAmount })),
    },
  });
}
