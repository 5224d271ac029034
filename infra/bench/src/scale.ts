import { print } from 'graphql';
import autocannon from 'autocannon';
import pg from 'pg';
import { SUBGRAPH_NAMES } from '@nuage/contracts';
import { seededIdentity } from '@nuage/fixtures';
import { databaseUrl as databaseUrlOf, IDENTITY_HEADER, signIdentity, subgraphKeysFrom } from '@nuage/platform';
import {
  ACCEPT_PROPOSAL,
  approvedProposalWithOvh,
  BUYER_DASHBOARD,
  PEOPLE,
  placeOrderWithOvh,
  readPrometheus,
  stackClient,
  startStack,
  tokenSigner,
  UNHURRIED_RATE_ENVIRONMENT,
  type RunningStack,
} from '@nuage/stack';
import { table } from './report.js';

interface ScaleOptions {
  databaseUrl: string;
  databasePrefix: string;
  keysDir: string;
  loadSeconds: number;
}

const DASHBOARD_BODY = JSON.stringify({ query: print(BUYER_DASHBOARD), variables: { first: 10 } });

/** The dashboard under load through the stack's gateway address: throughput, latencies, failures. */
async function dashboardLoad(stack: RunningStack, token: string, seconds: number) {
  let failures = 0;
  let firstFailure: string | undefined;
  const result = await autocannon({
    url: stack.gatewayUrl,
    connections: 16,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: DASHBOARD_BODY,
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          failures += 1;
          firstFailure ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    perSecond: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures,
    firstFailure,
  };
}

/** A metric of each replica of a service, from its own `/metrics`. */
const byReplica = (stack: RunningStack, service: string, metric: string) =>
  Promise.all(
    stack.replicaUrls[service]!.map(async (url) => (await readPrometheus(url, stack.metricsToken)).get(metric) ?? 0),
  );
const answeredByReplica = (stack: RunningStack, service: string) =>
  byReplica(stack, service, 'nuage_graphql_requests_total');

/**
 * `npm run bench -- scale`: the stack with two replicas of every service (the gateway too), each
 * service behind a round-robin listener as a Kubernetes Service: the dashboard's throughput with
 * one and with two replicas on the same cores, concurrent acceptances over both ordering replicas,
 * events applied once across replicas, and a file written through one replica read through the other.
 */
export async function benchScale(options: ScaleOptions): Promise<string[]> {
  const out: string[] = [];
  const start = (replicas: number) =>
    startStack({
      databaseUrl: options.databaseUrl,
      databasePrefix: options.databasePrefix,
      gatewayPort: 0,
      firstSubgraphPort: 0,
      keysDir: options.keysDir,
      output: 'ignore',
      gatewayEnvironment: UNHURRIED_RATE_ENVIRONMENT,
      replicas,
      fromBuild: true,
    });
  const db = (service: string) =>
    new pg.Client({
      connectionString: databaseUrlOf(options.databaseUrl, { service, databasePrefix: options.databasePrefix }),
    });
  const countIn = async (service: string, query: string, params: unknown[] = []) => {
    const client = db(service);
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(query, params)).rows[0]!.n);
    } finally {
      await client.end();
    }
  };

  // (a) One replica per service: seed a few files, take the dashboard's answer and its throughput.
  let stack = await start(1);
  let client = stackClient(stack, options.databaseUrl, options.databasePrefix);
  const sign = await tokenSigner(stack.keys);
  const token = await sign(seededIdentity('beneficiary'));
  for (let i = 0; i < 3; i++) await placeOrderWithOvh(client);
  const answerOf = async (s: RunningStack) =>
    JSON.stringify(
      await (
        await fetch(s.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: DASHBOARD_BODY,
        })
      ).json(),
    );
  const reference = await answerOf(stack);
  await dashboardLoad(stack, token, 2); // warm-up: plans, JIT, pools
  const one = await dashboardLoad(stack, token, options.loadSeconds);
  await client.close();
  await stack.stop();

  // Two replicas of everything, over the same databases.
  stack = await start(2);
  client = stackClient(stack, options.databaseUrl, options.databasePrefix);
  const inboxBefore = Object.fromEntries(
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => [name, await countIn(name, 'select count(*) as n from event_inbox')] as const),
    ),
  );
  const sameAnswer = (await answerOf(stack)) === reference;
  await dashboardLoad(stack, token, 2);
  const two = await dashboardLoad(stack, token, options.loadSeconds);
  const gatewaySpread = await answeredByReplica(stack, 'gateway');
  const subgraphSpread = await answeredByReplica(stack, 'requests');
  out.push(
    `\nScale-out: the buyer's dashboard, 16 connections for ${options.loadSeconds} s, every service behind a round-robin listener (2 cores in all)`,
    table(
      [34, 10, 9, 9, 9],
      [
        ['Replicas per service', 'req/s', 'p50 ms', 'p99 ms', 'failed'],
        ['1', one.perSecond.toFixed(0), String(one.p50), String(one.p99), String(one.failures)],
        ['2', two.perSecond.toFixed(0), String(two.p50), String(two.p99), String(two.failures)],
      ],
    ),
    ...[one.firstFailure, two.firstFailure].filter(Boolean).map((failure) => `A failure: ${failure}`),
    `Two replicas answer the same dashboard as one: ${sameAnswer ? 'yes' : 'NO'}; requests answered per gateway replica ${gatewaySpread.join(' / ')}, per requests replica ${subgraphSpread.join(' / ')}.`,
  );

  // (b) 20 acceptances of one proposal at once, through both gateways onto both ordering replicas.
  const proposalId = await approvedProposalWithOvh(client);
  const orderingBefore = await answeredByReplica(stack, 'ordering');
  const buyerToken = await sign(PEOPLE.beneficiary);
  const answers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${buyerToken}` },
        body: JSON.stringify({ query: print(ACCEPT_PROPOSAL), variables: { id: proposalId } }),
      });
      return (await response.json()) as {
        data?: { acceptProposal: { proposal: unknown; errors: { code: string }[] } };
      };
    }),
  );
  const orderingAfter = await answeredByReplica(stack, 'ordering');
  const accepted = answers.filter((a) => a.data?.acceptProposal.proposal).length;
  const refusals = answers.flatMap((a) => a.data?.acceptProposal.errors ?? []).map((e) => e.code);
  const subscriptionOrders = await countIn(
    'ordering',
    'select count(*) as n from subscription_order where proposal_id = $1',
    [proposalId],
  );
  out.push(
    `20 parallel acceptances of one proposal: ${accepted} accepted, ${refusals.length} refused (${[...new Set(refusals)].join(', ') || 'none'}), ${subscriptionOrders} subscription order in the database; ordering replicas served ${orderingAfter.map((n, i) => n - orderingBefore[i]!).join(' / ')} of the calls.`,
  );

  // (c) Every event applied once across the two replicas of its consumer.
  await client.settle();
  const rows: string[][] = [['Consumer', 'replica 1', 'replica 2', 'inbox rows added', 'applied twice']];
  for (const name of SUBGRAPH_NAMES) {
    const applied = await byReplica(stack, name, 'nuage_events_applied_total');
    const added = (await countIn(name, 'select count(*) as n from event_inbox')) - inboxBefore[name]!;
    const total = applied.reduce((a, b) => a + b, 0);
    rows.push([name, String(applied[0]), String(applied[1]), String(added), String(total - added)]);
  }
  out.push(
    'Events applied by each replica while the two ran (each event once: applied = inbox rows)',
    table([14, 10, 10, 17, 14], rows),
  );

  // (d) A file uploaded through one requests replica and downloaded through the other.
  const signed = {
    [IDENTITY_HEADER]: signIdentity(PEOPLE.beneficiary, subgraphKeysFrom(stack.keysEnvironment).identities),
  };
  const [first, second] = stack.replicaUrls.requests!;
  const body = Buffer.from(`Cahier des charges, ${new Date().toISOString()}\n`);
  const uploaded = (await (
    await fetch(`${first}/uploads/documents`, {
      method: 'POST',
      headers: { ...signed, 'content-type': 'text/plain', 'x-file-name': 'cahier.txt' },
      body,
    })
  ).json()) as { id: string };
  const downloaded = Buffer.from(
    await (await fetch(`${second}/downloads/documents/${uploaded.id}`, { headers: signed })).arrayBuffer(),
  );
  out.push(
    `A ${body.length}-byte file uploaded through requests-1 and downloaded through requests-2: ${downloaded.equals(body) ? 'identical' : 'DIFFERENT'} (the file store is the subgraph's database).`,
  );
  await client.close();
  await stack.stop();
  return out;
}
