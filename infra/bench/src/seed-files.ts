import { seededIdentity } from '@nuage/fixtures';
import {
  activateOrder,
  declareIncompleteOrder,
  placeOrderWithOvh,
  startTestStack,
  type JourneyClient,
} from '@nuage/stack';

/** How the seeded files look: every one ordered, one in 5 activated with usage, one in 10 disputed. */
export const SEED_SHAPE = { activatedEvery: 5, disputedEvery: 10 };

/**
 * Seeds `count` files through the gateway of an in-process stack, as buyers, suppliers, managers
 * and UGAP would, a few at a time; the databases then serve the benchmark's own processes.
 */
export async function seedFiles(
  databaseUrl: string,
  databasePrefix: string,
  count: number,
  concurrency = 4,
): Promise<number> {
  const started = performance.now();
  const stack = await startTestStack(databaseUrl, { databasePrefix });
  try {
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < count; index = next++) await seedFile(stack, index);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await stack.settle();
  } finally {
    await stack.close();
  }
  return (performance.now() - started) / 1000;
}

async function seedFile(client: JourneyClient, index: number) {
  const orderId = await placeOrderWithOvh(client);
  if (index % SEED_SHAPE.activatedEvery === 0) {
    const [lineId] = await activateOrder(client, orderId, `UGAP-${index}`);
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { errors } = await client.query(
      seededIdentity('supplier:ovhcloud'),
      'mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted } errors { message } } }',
      {
        lines: [
          {
            lineId: `seed-${index}`,
            orderLineId: lineId,
            chargePeriodStart: `${day}T00:00:00Z`,
            chargePeriodEnd: `${day}T23:59:59Z`,
            serviceName: 'OVH Private Cloud SecNumCloud',
            serviceCategory: 'Compute',
            consumedQuantity: '24',
            consumedUnit: 'Hours',
            billedCost: '120.00',
            effectiveCost: '120.00',
            currency: 'EUR',
          },
        ],
      },
    );
    if (errors) throw new Error(`pushUsage: ${JSON.stringify(errors)}`);
  }
  if (index % SEED_SHAPE.disputedEvery === 1) await declareIncompleteOrder(client, orderId);
}
