import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { PEOPLE, act, inDays, submitRequestSolicitingTwoBrands, deliverInFull } from '../src/journey.js';
import { graphql } from '@nuage/fixtures/graphql';

/** "Recherche générale": any number on a piece of paper, or words, finds the file, as far as the caller may see it. */
const { beneficiary, manager, ovh, outscale, aws, ugap, analyst, stranger } = PEOPLE;
let stack: TestStack;
const refs = { file: '', proposal: '', subscription: '', order: '', invoice: '', incident: '' };

const HIT =
  'kind kindLabel reference references title exactMatch score summary request { fileNumber } proposal { number statusLabel } order { reference statusLabel } incident { number statusLabel }';
const search = async (identity: Identity, query: string) => {
  const { data, errors } = await stack.query(
    identity,
    `query($q: String!) { search(query: $q, first: 20) { edges { node { ${HIT} } } } }`,
    { q: query },
  );
  return errors
    ? { errors: errors.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })) }
    : { hits: data!.search!.edges.map((e: { node: unknown }) => e.node) as Record<string, any>[] };
};
const kindsOf = async (identity: Identity, query: string) =>
  ((await search(identity, query)).hits ?? []).map((hit) => `${hit.kind}:${hit.reference}`);

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  const requestId = await submitRequestSolicitingTwoBrands(stack, {
    codeName: 'Archives départementales',
    shortDescription: 'Coffre-fort numérique',
    need: 'Stockage sécurisé des archives numérisées, réversibilité garantie.',
  });
  await submitRequestSolicitingTwoBrands(stack, {
    codeName: 'Portail usagers',
    shortDescription: 'Site web',
    need: 'Hébergement du portail des démarches.',
  });
  const proposal = await act(
    stack,
    ovh,
    `mutation($id: ID!) { submitProposal(requestId: $id, idempotencyKey: "search-ovh-1", input: {
      validUntil: "${inDays(10)}", commitmentMonths: 12, billingPeriod: ANNUAL, billingTiming: IN_ADVANCE,
      lines: [{ designation: "Stockage objet SecNumCloud", quantity: "1", listUnitPrice: "10000.00", unitPrice: "9690.00" }] }) { proposal { id number fileNumber } errors { code } } }`,
    { id: requestId },
  );
  refs.proposal = proposal.submitProposal.proposal.number;
  refs.file = proposal.submitProposal.proposal.fileNumber;
  await act(stack, manager, graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
    id: proposal.submitProposal.proposal.id,
  });
  const accepted = await act(
    stack,
    beneficiary,
    graphql(
      `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { number order { id reference } } } errors { code } } }`,
    ),
    { id: proposal.submitProposal.proposal.id },
  );
  const { number, order } = accepted.acceptProposal.proposal!.subscriptionOrder!;
  Object.assign(refs, { subscription: number, order: order.reference });
  await act(
    stack,
    ugap,
    `mutation($id: ID!) { validateOrder(id: $id, input: { ugapReference: "UGAP-77-SEARCH", chorusPurchaseRequestNumber: "1300000123", plannedDeliveryDate: "${inDays(3)}" }) { errors { code } } }`,
    { id: order.id },
  );
  await deliverInFull(stack, order.id);
  await act(
    stack,
    ovh,
    graphql(
      `mutation($id: ID!) { declareServicesOpen(orderId: $id, idempotencyKey: "search-open-1") { errors { code } } }`,
    ),
    { id: order.id },
  );
  const activated = await act(
    stack,
    beneficiary,
    graphql(
      `mutation($id: ID!) { validateActivation(orderId: $id) { order { schedule { number } } errors { code } } }`,
    ),
    { id: order.id },
  );
  refs.invoice = activated.validateActivation.order!.schedule[0]!.number;
  const declared = await act(
    stack,
    beneficiary,
    graphql(
      `mutation($id: ID!) { declareIncident(input: { orderId: $id, typeCode: "INVOICING", description: "Facture reçue en double" }) { incident { number } errors { code } } }`,
    ),
    { id: order.id },
  );
  refs.incident = declared.declareIncident.incident!.number;
});
afterAll(() => stack?.close());

describe('the global search', () => {
  it('finds a file and each of its parts by the number on a piece of paper, exact matches first', async () => {
    for (const [kind, reference] of [
      ['REQUEST', refs.file],
      ['PROPOSAL', refs.proposal],
      ['SUBSCRIPTION_ORDER', refs.subscription],
      ['ORDER', refs.order],
      ['INVOICE', refs.invoice],
      ['INCIDENT', refs.incident],
    ] as const) {
      const { hits } = await search(beneficiary, reference);
      expect(hits![0], reference).toMatchObject({
        kind,
        reference,
        exactMatch: true,
        score: 3,
        request: { fileNumber: refs.file },
      });
    }
    const { hits } = await search(beneficiary, 'ugap-77-search');
    expect(hits![0]).toMatchObject({
      kind: 'ORDER',
      reference: refs.order,
      references: expect.arrayContaining(['UGAP-77-SEARCH']),
      order: { reference: refs.order, statusLabel: expect.any(String) },
    });
    // Each hit is typed: the proposal, the order (or the one a document belongs to), the incident, resolved by their owners.
    expect((await search(beneficiary, refs.incident)).hits![0]).toMatchObject({
      incident: { number: refs.incident },
      order: { reference: refs.order },
    });
    expect((await search(beneficiary, refs.proposal)).hits![0]).toMatchObject({
      proposal: { number: refs.proposal, statusLabel: expect.any(String) },
      order: null,
    });
    for (const reference of [refs.invoice, refs.subscription])
      expect((await search(beneficiary, reference)).hits![0]).toMatchObject({ order: { reference: refs.order } });
  });

  it('finds files by words of the project or the need, stemmed, accents ignored', async () => {
    expect(await kindsOf(beneficiary, 'securise')).toEqual([`REQUEST:${refs.file}`]);
    // The order placed for the project is found by its name too, after the request.
    expect(await kindsOf(beneficiary, 'archive')).toEqual([`REQUEST:${refs.file}`, `ORDER:${refs.order}`]);
    expect((await kindsOf(beneficiary, 'départemental')).sort()).toEqual([
      `ORDER:${refs.order}`,
      `REQUEST:${refs.file}`,
    ]);
    expect(await kindsOf(beneficiary, 'facture double')).toEqual([`INCIDENT:${refs.incident}`]);
    const hosting = await kindsOf(beneficiary, 'hebergement portail');
    expect(hosting).toHaveLength(1);
    expect((await search(beneficiary, 'securise')).hits![0]).toMatchObject({
      exactMatch: false,
      title: 'Archives départementales',
      kindLabel: 'Demande',
    });
  });

  it('shows only what the caller may see', async () => {
    expect(await kindsOf(stranger, refs.file)).toEqual([]);
    expect(await kindsOf(stranger, 'securise')).toEqual([]);
    expect(await kindsOf(aws, refs.file)).toEqual([]);
    expect(await kindsOf(aws, refs.order)).toEqual([]);
    // Outscale was solicited: it finds the request, never OVHcloud's proposal, order or incident.
    expect(await kindsOf(outscale, refs.file)).toEqual([`REQUEST:${refs.file}`]);
    for (const reference of [refs.proposal, refs.order, refs.incident, refs.invoice])
      expect(await kindsOf(outscale, reference)).toEqual([]);
    // The order exactly, then the incident that names it.
    expect(await kindsOf(ovh, refs.order)).toEqual([`ORDER:${refs.order}`, `INCIDENT:${refs.incident}`]);
    expect(await kindsOf(analyst, refs.incident)).toEqual([`INCIDENT:${refs.incident}`]);
  });

  it('refuses a query too short or too long, with the field', async () => {
    expect(await search(beneficiary, ' a ')).toEqual({ errors: [{ code: 'BAD_USER_INPUT', field: 'query' }] });
    expect(await search(beneficiary, 'x'.repeat(201))).toEqual({
      errors: [{ code: 'BAD_USER_INPUT', field: 'query' }],
    });
  });
});
