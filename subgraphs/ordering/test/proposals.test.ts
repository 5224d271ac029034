import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';
import { TOPICS, type RequestSubmitted } from '@nuage/contracts';
import { SEED_BRANDS, seededIdentity } from '@nuage/fixtures';
import { sql } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { ordering } from '../src/index.js';

/**
 * The ordering subgraph on its own, with a real PostgreSQL: the solicitations it opens from the
 * requests subgraph's events, the proposals a solicited supplier submits, who decides on them.
 */
let subgraph: TestSubgraph;
const beneficiary = seededIdentity('beneficiary');
const manager = seededIdentity('manager');
const stranger = seededIdentity('stranger');
const ovh = seededIdentity('supplier:ovhcloud');
const aws = seededIdentity('supplier:aws');
const brandId = (slug: string) => SEED_BRANDS.find((b) => b.slug === slug)!.id;

beforeAll(async () => {
  subgraph = await startTestSubgraph(ordering, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

/** A request of the seeded entity, submitted in the requests subgraph and soliciting OVHcloud. */
async function submittedRequest(): Promise<RequestSubmitted> {
  const request: RequestSubmitted = {
    requestId: randomUUID(),
    fileNumber: `2026-${Math.floor(Math.random() * 1e6)}`,
    entityId: beneficiary.entityId!,
    entitySiret: '13002526500013',
    entity: {
      name: 'Entité',
      siret: '13002526500013',
      address: '20 avenue de Ségur, 75007 Paris',
      chorusServiceCode: null,
    },
    kind: 'GUIDED_CHOICE',
    projectName: 'Hébergement',
    brands: [{ brandId: brandId('ovhcloud'), solutionIds: [] }],
    renewedOrderLineIds: [],
    guidedChoiceId: null,
    submittedAt: new Date().toISOString(),
  };
  expect(await subgraph.deliver({ topic: TOPICS.requestSubmitted, payload: { ...request } })).toBe(true);
  return request;
}

const TO_ANSWER = graphql(`query { requestsToAnswer { edges { node { requestId fileNumber brandId } } } }`);
const SUBMIT = graphql(
  `mutation($requestId: ID!, $input: ProposalTermsInput!, $key: String!) { submitProposal(requestId: $requestId, input: $input, idempotencyKey: $key) { proposal { id number status totals { totalInclVat { amount } } } errors { code field message } } }`,
);
const TERMS: VariablesOf<typeof SUBMIT>['input'] = {
  validUntil: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
  commitmentMonths: 12,
  billingPeriod: 'ANNUAL',
  billingTiming: 'IN_ADVANCE',
  lines: [{ designation: 'Hébergement 12 mois', quantity: '1', listUnitPrice: '10000.00', unitPrice: '9690.00' }],
};
const submit = (requestId: string, key = randomUUID()) =>
  subgraph.query(ovh, SUBMIT, { requestId, input: TERMS, key }).then((r) => r.data!.submitProposal);

describe('a submitted request', () => {
  it('is to answer for the brands it solicits, and for no other', async () => {
    const request = await submittedRequest();
    const listed = async (who: typeof ovh) =>
      (await subgraph.query(who, TO_ANSWER)).data!.requestsToAnswer!.edges.map((e) => e.node.requestId);
    expect(await listed(ovh)).toContain(request.requestId);
    expect(await listed(aws)).not.toContain(request.requestId);
    const { data, errors } = await subgraph.query(beneficiary, TO_ANSWER);
    expect(data!.requestsToAnswer).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('a proposal', () => {
  it('is submitted once per idempotency key, with exact totals, and announced to the other subgraphs', async () => {
    const request = await submittedRequest();
    const key = randomUUID();
    const first = await submit(request.requestId, key);
    expect(first).toMatchObject({
      proposal: { number: expect.stringMatching(/^DC\d{6}$/), status: 'AWAITING_MANAGER' },
      errors: [],
    });
    // 9 690,00 € excl. VAT at 20 %: 11 628,00 € incl. VAT.
    expect(first.proposal!.totals.totalInclVat.amount).toBe('11628.00');
    expect((await submit(request.requestId, key)).proposal!.number).toBe(first.proposal!.number);
    const announced = await sql<{ n: string }[]>(
      subgraph.orm.em.fork(),
      "select count(*) as n from event_outbox where topic = ? and payload->>'proposalId' = ?",
      [TOPICS.proposalSubmitted, first.proposal!.id],
    );
    expect(Number(announced[0]!.n)).toBe(1);
  });

  it('is refused to a brand the request does not solicit, and to a buyer by role', async () => {
    const request = await submittedRequest();
    const byAws = await subgraph.query(aws, SUBMIT, { requestId: request.requestId, input: TERMS, key: randomUUID() });
    expect(byAws.data!.submitProposal).toMatchObject({ proposal: null, errors: [{ code: 'NOT_FOUND' }] });
    const byBuyer = await subgraph.query(beneficiary, SUBMIT, {
      requestId: request.requestId,
      input: TERMS,
      key: randomUUID(),
    });
    expect(byBuyer.data!.submitProposal).toEqual({
      proposal: null,
      errors: [
        { code: 'FORBIDDEN', field: null, message: 'Réservé aux rôles : fournisseur ; votre rôle : bénéficiaire.' },
      ],
    });
  });

  it('is approved by the entity’s manager only, as the lifecycle says, and read by its parties only', async () => {
    const { proposal } = await submit((await submittedRequest()).requestId);
    const APPROVE = graphql(
      `mutation($id: ID!) { approveProposal(id: $id) { proposal { status } errors { code message } } }`,
    );
    expect((await subgraph.query(beneficiary, APPROVE, { id: proposal!.id })).data!.approveProposal).toEqual({
      proposal: null,
      errors: [{ code: 'FORBIDDEN', message: 'Réservé aux rôles : manager ; votre rôle : bénéficiaire.' }],
    });
    expect((await subgraph.query(manager, APPROVE, { id: proposal!.id })).data!.approveProposal).toEqual({
      proposal: { status: 'APPROVED' },
      errors: [],
    });
    const READ = graphql(`query($id: ID!) { proposal(id: $id) { number availableActions } }`);
    expect((await subgraph.query(beneficiary, READ, { id: proposal!.id })).data!.proposal).toEqual({
      number: proposal!.number,
      availableActions: ['ACCEPT_PROPOSAL', 'REFUSE_PROPOSAL'],
    });
    for (const outsider of [stranger, aws]) {
      const { data, errors } = await subgraph.query(outsider, READ, { id: proposal!.id });
      expect(data!.proposal).toBeNull();
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });
});
