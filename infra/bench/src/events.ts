import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from '@nuage/platform';
import { SEED_BRANDS, SEED_ENTITY, seededIdentity } from '@nuage/fixtures';
import type { RunningStack } from '@nuage/stack';
import { percentile, post, table } from './report.js';

/**
 * The event channel under load, through the stack's processes: latency from an event published in
 * a mutation to the event applied by its consumer (sequential mutations), and events applied per
 * second (a burst written in one producer's outbox, fanned out to two consumers), with every
 * subgraph up and with one consumer stopped.
 */
const RECORD = `mutation($name: String!) { recordGuidedChoice(input: { projectName: $name, answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "HDS" }] }) { guidedChoice { id } } }`;

export async function benchEvents(
  stack: RunningStack,
  options: {
    databaseUrl: string;
    databasePrefix: string;
    sign: (identity: ReturnType<typeof seededIdentity>) => Promise<string>;
    mutations?: number;
    burst?: number;
  },
): Promise<string[]> {
  const { mutations = 200, burst = 2_000 } = options;
  const db = (service: string) =>
    new pg.Pool({
      connectionString: databaseUrl(options.databaseUrl, { service, databasePrefix: options.databasePrefix }),
      max: 2,
    });
  const catalogue = db('catalogue');
  const ordering = db('ordering');
  const requests = db('requests');
  const token = await options.sign(seededIdentity('beneficiary'));

  /** Published → applied, in ms, of the guided-choice events of sequential mutations (outbox time → inbox time). */
  const latency = async () => {
    const ids: string[] = [];
    for (let i = 0; i < mutations; i++) {
      const { data } = await post(stack.gatewayUrl, token, RECORD, { name: `Bench ${i}` });
      ids.push(data.recordGuidedChoice.guidedChoice.id);
    }
    const { rows: outbox } = await catalogue.query<{ id: string; at: Date }>(
      `select id, occurred_at as at from event_outbox where topic = 'catalogue.guided-choice.recorded' and payload->>'id' = any($1)`,
      [ids],
    );
    const { rows: inbox } = await requests.query<{ id: string; at: Date }>(
      'select id, received_at as at from event_inbox where id = any($1)',
      [outbox.map((o) => o.id)],
    );
    const applied = new Map(inbox.map((row) => [row.id, row.at.getTime()]));
    return outbox.map((o) => (applied.get(o.id) ?? Number.NaN) - o.at.getTime()).sort((a, b) => a - b);
  };

  /**
   * A burst of `orderPlaced` events written at once in ordering's outbox: events applied per second
   * by each consumer, from its first to its last (the relay's first poll, up to a second, excluded).
   */
  const throughput = async (consumers: string[]) => {
    const events = Array.from({ length: burst }, () => randomUUID());
    await ordering.query(
      `insert into event_outbox (id, kind, topic, key, payload)
       select e, 'EVENT', 'ordering.order.placed', 'order/' || o, jsonb_build_object(
         'orderId', o, 'reference', 'BENCH', 'entityId', $3::text, 'brandId', $4::text, 'requestId', null, 'projectName', 'Bench', 'lines', '[]'::jsonb)
       from unnest($1::uuid[], $2::uuid[]) as t(e, o)`,
      [events, events.map(() => randomUUID()), SEED_ENTITY.id, SEED_BRANDS[0]!.id],
    );
    const rates: string[] = [];
    for (const consumer of consumers) {
      const pool = db(consumer);
      for (;;) {
        const { rows } = await pool.query<{ n: string; seconds: number }>(
          'select count(*) as n, extract(epoch from max(received_at) - min(received_at))::float as seconds from event_inbox where id = any($1)',
          [events],
        );
        if (Number(rows[0]!.n) === burst) {
          rates.push(`${consumer} ${Math.round(burst / rows[0]!.seconds).toLocaleString('en')}/s`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await pool.end();
    }
    return rates.join(', ');
  };

  const rows: string[][] = [];
  const measure = async (label: string, consumers: string[]) => {
    const times = await latency();
    rows.push([label, percentile(times, 50).toFixed(0), percentile(times, 99).toFixed(0), await throughput(consumers)]);
  };
  await measure('All subgraphs up', ['requests', 'incidents']);
  await stack.services.incidents!.stop();
  await measure('Incidents stopped', ['requests']);
  await stack.services.incidents!.start();
  await Promise.all([catalogue.end(), ordering.end(), requests.end()]);
  return [
    `\nEvent channel: publish → applied for ${mutations} sequential mutations (catalogue → requests), and a burst of ${burst.toLocaleString('en')} events written at once in ordering's outbox (→ requests and incidents)`,
    table([22, 8, 8, 40], [['', 'p50 ms', 'p99 ms', 'burst applied per second'], ...rows]),
  ];
}
