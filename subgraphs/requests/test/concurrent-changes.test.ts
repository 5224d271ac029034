import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOPICS } from '@nuage/contracts';
import { stableId } from '@nuage/platform';
import { startTestSubgraph, waitFor, type TestSubgraph } from '@nuage/platform/testing';
import { seededIdentity } from '@nuage/fixtures';
import { graphql } from '@nuage/fixtures/graphql';
import { requests } from '../src/index.js';

let subgraph: TestSubgraph;
const beneficiary = seededIdentity('beneficiary');
const brandId = stableId('brand', 'OVHCLOUD');
const solutionId = stableId('solution', 'OVHCLOUD/BareMetal');

beforeAll(async () => {
  subgraph = await startTestSubgraph(requests, inject('databaseUrl'));
  await subgraph.deliver({
    topic: TOPICS.solutionChanged,
    source: 'catalogue',
    payload: { id: solutionId, brandId, name: 'BareMetal', retired: false },
  });
});
afterAll(() => subgraph?.close());

/** A request submitted by the beneficiary, as a derogation to one solution. */
async function submittedRequest(): Promise<string> {
  const { data: drafted } = await subgraph.query(
    beneficiary,
    graphql(
      `mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id } errors { code field message } } }`,
    ),
    {
      input: {
        kind: 'DEROGATION',
        project: { new: { codeName: 'Calcul intensif', shortDescription: 'Simulations.' } },
        solutions: [{ brandId, solutionId }],
        derogationReason: 'Continuité avec le marché précédent.',
        need: { desiredStartDate: '2027-06-01', durationYears: 1, text: 'Deux serveurs de calcul.' },
      },
    },
  );
  expect(drafted!.createRequestDraft.errors).toEqual([]);
  const id = drafted!.createRequestDraft.request!.id;
  const { data: submitted } = await subgraph.query(
    beneficiary,
    graphql(`mutation($id: ID!) { submitRequest(id: $id) { errors { code field message } } }`),
    { id },
  );
  expect(submitted!.submitRequest.errors).toEqual([]);
  return id;
}

/** How many of the database's sessions wait for a lock another holds. */
async function waitingForLocks(): Promise<number> {
  const [row] = await subgraph.orm.em
    .getConnection()
    .execute<{ n: number }[]>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
  return row!.n;
}

describe('a request changed by its buyer while another subgraph moves it on', () => {
  it('takes both changes, one after the other, and neither fails', async () => {
    const id = await submittedRequest();
    const [row] = await subgraph.orm.em
      .getConnection()
      .execute<{ id: string }[]>('select id from search_document where id = ?', [id]);
    expect(row?.id).toBe(id);

    // A third session holds the request's search entry, so that the event and the mutation both
    // reach the point where they take their locks before either goes on: the worst interleaving.
    const holder = subgraph.orm.em.fork();
    await holder.begin();
    try {
      await holder.execute('select id from search_document where id = ? for update', [id]);

      const moved = subgraph.deliver({
        topic: TOPICS.solicitationOpened,
        source: 'ordering',
        payload: { requestId: id, brandIds: [brandId] },
      });
      expect(await waitFor(async () => (await waitingForLocks()) === 1, 10_000)).toBe(true);
      const renamed = subgraph.query(
        beneficiary,
        graphql(
          `mutation($id: ID!) { setRequestReference(id: $id, myReference: "BC-2026-042") { request { myReference } errors { code } } }`,
        ),
        { id },
      );
      expect(await waitFor(async () => (await waitingForLocks()) === 2, 10_000)).toBe(true);
      await holder.commit();

      expect(await moved).toBe(true);
      expect((await renamed).data!.setRequestReference).toEqual({
        request: { myReference: 'BC-2026-042' },
        errors: [],
      });
    } finally {
      if (holder.isInTransaction()) await holder.rollback();
    }
    const { data } = await subgraph.query(
      beneficiary,
      graphql(`query($id: ID!) { request(id: $id) { status myReference } }`),
      { id },
    );
    expect(data!.request).toEqual({ status: 'AWAITING_PROVIDER', myReference: 'BC-2026-042' });
  });
});
