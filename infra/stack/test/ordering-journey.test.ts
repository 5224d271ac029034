import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractText } from 'unpdf';
import { seededIdentity } from '@nuage/fixtures';
import { sqlStatementCount, type Identity } from '@nuage/platform';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';
import { inDays, placeOrderWithOvh, submitRequestSolicitingTwoBrands } from '../src/journey.js';
import { startTestStack, type TestStack } from '../src/test-stack.js';

/**
 * Steps 5 to 7 of the journey through the gateway: proposals, manager approval, acceptance, then
 * the order from UGAP's validation to its invoices. Each test brings a file of its own to the
 * stage it starts from.
 */
let stack: TestStack;
const beneficiary = seededIdentity('beneficiary');
const ugap = seededIdentity('ugap');
const manager = seededIdentity('manager');
const ovh = seededIdentity('supplier:ovhcloud');
const outscale = seededIdentity('supplier:3ds-outscale');
const aws = seededIdentity('supplier:aws');

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

const PROPOSAL = graphql(`
  fragment ProposalFields on Proposal {
    id number status statusLabel fileNumber availableActions
    lines { productCode designation amounts { quantity listUnitPrice { amount } unitPrice { amount } listTotal { amount } totalExclVat { amount } } }
    totals { listTotal { amount } totalExclVat { amount formatted } vat { rate base { amount } amount { amount } } totalInclVat { amount formatted } }
  }
`);
const SUBMIT = graphql(
  `mutation Submit($requestId: ID!, $input: ProposalTermsInput!, $key: String!) {
    submitProposal(requestId: $requestId, input: $input, idempotencyKey: $key) { proposal { ...ProposalFields } errors { code field message } }
  }`,
  [PROPOSAL],
);
type Terms = VariablesOf<typeof SUBMIT>['input'];

const GUIDE_TERMS: Terms = {
  validUntil: inDays(10),
  commitmentMonths: 36,
  billingPeriod: 'ANNUAL',
  billingTiming: 'IN_ADVANCE',
  lines: [
    {
      productCode: '145893',
      designation: "Prestation d'abonnement OUTSCALE Engagement 3 ans",
      quantity: '1',
      listUnitPrice: '10000.00',
      unitPrice: '9690.00',
    },
  ],
};
/** The same amounts as Outscale's, so that whichever is accepted, the order's figures are the guide's. */
const OVH_TERMS: Terms = {
  ...GUIDE_TERMS,
  lines: [
    {
      designation: 'OVH Private Cloud SecNumCloud — hôte dédié',
      quantity: '1',
      listUnitPrice: '10000.00',
      unitPrice: '9690.00',
      vatRate: '20',
    },
  ],
};

const submitProposal = async (supplier: Identity, requestId: string, key: string, terms: Terms = GUIDE_TERMS) =>
  (await stack.query(supplier, SUBMIT, { requestId, input: terms, key })).data!.submitProposal;

const APPROVE = graphql(
  `mutation Approve($id: ID!, $comment: String) { approveProposal(id: $id, comment: $comment) { proposal { status } errors { code field message } } }`,
);
const REJECT = graphql(
  `mutation Reject($id: ID!, $comment: String!) { rejectProposal(id: $id, comment: $comment) { proposal { status } errors { code field message } } }`,
);
const REFUSE = graphql(
  `mutation Refuse($id: ID!, $reason: String!) { refuseProposal(id: $id, reason: $reason) { proposal { status } errors { code field message } } }`,
);
const ACCEPT = graphql(`
  mutation Accept($id: ID!, $cge: Boolean!, $cgu: Boolean!) { acceptProposal(id: $id, cgeAccepted: $cge, cguAccepted: $cgu) { proposal { status } errors { code field message } } }
`);
const approve = async (id: string, comment?: string) =>
  (await stack.query(manager, APPROVE, { id, comment })).data!.approveProposal;
const accept = async (id: string, cge = true, cgu = true) =>
  (await stack.query(beneficiary, ACCEPT, { id, cge, cgu })).data!.acceptProposal;

const REQUEST = graphql(
  `query Request($id: ID!) { request(id: $id) { status proposals { id number status statusLabel } } }`,
);
const requestOf = async (id: string) => (await stack.query(beneficiary, REQUEST, { id })).data!.request!;

/** A submitted request with a proposal of Outscale and one of OVHcloud, both awaiting the manager. */
async function twoProposals() {
  const requestId = await submitRequestSolicitingTwoBrands(stack);
  const outscaleProposal = (await submitProposal(outscale, requestId, `outscale-${requestId}`)).proposal!.id;
  const ovhProposal = (await submitProposal(ovh, requestId, `ovh-${requestId}`, OVH_TERMS)).proposal!.id;
  await stack.settle();
  return { requestId, outscaleProposal, ovhProposal };
}

const ORDER = graphql(`
  fragment OrderFields on Order {
    id reference status statusLabel ugapReference plannedDeliveryDate dueDate brand { name }
    lines { id quantityDelivered deliveredOn }
    schedule { number periodStart issueDate status amountExclVat { amount } vatAmount { amount } }
  }
`);
const VALIDATE = graphql(
  `mutation Validate($id: ID!, $input: ValidateOrderInput!) { validateOrder(id: $id, input: $input) { order { ...OrderFields } errors { code field message } } }`,
  [ORDER],
);
const DELIVER = graphql(
  `mutation Deliver($id: ID!, $day: LocalDate!, $lines: [DeliveredLineInput!]!, $key: String!) {
    recordDelivery(orderId: $id, deliveredOn: $day, lines: $lines, idempotencyKey: $key) { order { ...OrderFields } errors { code field message } }
  }`,
  [ORDER],
);
const OPEN = graphql(
  `mutation Open($id: ID!, $key: String!, $note: String) { declareServicesOpen(orderId: $id, idempotencyKey: $key, note: $note) { order { ...OrderFields } errors { code field message } } }`,
  [ORDER],
);
const ACTIVATE = graphql(
  `mutation Activate($id: ID!) { validateActivation(orderId: $id) { order { ...OrderFields } errors { code field message } } }`,
  [ORDER],
);
const REPORT = graphql(
  `mutation Report($id: ID!, $text: String!) { reportActivationProblem(orderId: $id, description: $text) { order { ...OrderFields } errors { code field message } } }`,
  [ORDER],
);
const ORDERS = graphql(
  `query Orders($f: OrderFilter) { orders(first: 100, filter: $f) { totalCount edges { node { ...OrderFields } } } }`,
  [ORDER],
);

/** The order of a file whose Outscale proposal the buyer accepted, awaiting UGAP's validation, and its supplier. */
async function placedOrder() {
  const { requestId, outscaleProposal } = await twoProposals();
  await approve(outscaleProposal);
  expect((await accept(outscaleProposal)).errors).toEqual([]);
  await stack.settle();
  const REQUEST_ORDER = graphql(
    `query RequestOrder($id: ID!) { request(id: $id) { proposals { status subscriptionOrder { order { ...OrderFields } } } } }`,
    [ORDER],
  );
  const { data } = await stack.query(beneficiary, REQUEST_ORDER, { id: requestId });
  const order = data!.request!.proposals.find((p) => p.status === 'ACCEPTED')!.subscriptionOrder!.order;
  return { requestId, order, supplier: outscale };
}

const validation = (ugapReference: string) => ({
  ugapReference,
  chorusPurchaseRequestNumber: '1300042517',
  plannedDeliveryDate: inDays(5),
});

/** A placed order that UGAP validated ("A livrer"). */
async function orderToDeliver() {
  const placed = await placedOrder();
  const reference = `UGAP-${placed.order.reference}`;
  expect(
    (await stack.query(ugap, VALIDATE, { id: placed.order.id, input: validation(reference) })).data!.validateOrder
      .errors,
  ).toEqual([]);
  return { ...placed, ugapReference: reference };
}

/** A validated order delivered in full. */
async function deliveredOrder() {
  const placed = await orderToDeliver();
  const lines = placed.order.lines.map((line) => ({ orderLineId: line.id, quantity: '1' }));
  const delivered = await stack.query(placed.supplier, DELIVER, {
    id: placed.order.id,
    day: inDays(0),
    lines,
    key: `delivery-${placed.order.id}`,
  });
  expect(delivered.data!.recordDelivery.errors).toEqual([]);
  return placed;
}

describe('proposals', () => {
  it("are submitted by a solicited supplier with exact totals (the guide's 10 000,00 → 11 628,00), once per idempotency key", async () => {
    const requestId = await submitRequestSolicitingTwoBrands(stack);
    const first = await submitProposal(outscale, requestId, 'outscale-proposal-0001');
    expect(first.errors).toEqual([]);
    expect(first.proposal).toMatchObject({
      number: expect.stringMatching(/^DC\d{6}$/),
      status: 'AWAITING_MANAGER',
      statusLabel: 'Attente manager',
      lines: [
        {
          productCode: '145893',
          designation: "Prestation d'abonnement OUTSCALE Engagement 3 ans",
          amounts: {
            quantity: '1.00',
            listUnitPrice: { amount: '10000.00' },
            unitPrice: { amount: '9690.00' },
            listTotal: { amount: '10000.00' },
            totalExclVat: { amount: '9690.00' },
          },
        },
      ],
      totals: {
        listTotal: { amount: '10000.00' },
        totalExclVat: { amount: '9690.00', formatted: '9\u202f690,00\u00a0€' },
        vat: [{ rate: '20.00', base: { amount: '9690.00' }, amount: { amount: '1938.00' } }],
        totalInclVat: { amount: '11628.00', formatted: '11\u202f628,00\u00a0€' },
      },
    });
    const retry = await submitProposal(outscale, requestId, 'outscale-proposal-0001');
    expect(retry.proposal!.id).toBe(first.proposal!.id);
    expect((await requestOf(requestId)).proposals).toHaveLength(1);
    const reused = await submitProposal(outscale, requestId, 'outscale-proposal-0001', {
      ...GUIDE_TERMS,
      commitmentMonths: 12,
    });
    expect(reused.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'idempotencyKey' })]);
    const second = await submitProposal(ovh, requestId, 'ovh-proposal-0001', OVH_TERMS);
    expect(second.proposal!.totals.totalInclVat.amount).toBe('11628.00');
    await stack.settle();
    expect(await requestOf(requestId)).toMatchObject({ status: 'PROPOSALS_RECEIVED' });
  });

  it.each([
    [
      'a supplier whose brand the request does not solicit',
      aws,
      GUIDE_TERMS,
      { code: 'NOT_FOUND', field: 'requestId' },
    ],
    [
      'a unit price above the public price',
      ovh,
      { ...GUIDE_TERMS, lines: [{ designation: 'x', quantity: '1', listUnitPrice: '10', unitPrice: '11' }] },
      { code: 'BAD_USER_INPUT', field: 'input.lines.0.unitPrice' },
    ],
    [
      'a validity date in the past',
      ovh,
      { ...GUIDE_TERMS, validUntil: '2020-01-01' },
      { code: 'BAD_USER_INPUT', field: 'input.validUntil' },
    ],
    [
      'a VAT rate that does not exist',
      ovh,
      {
        ...GUIDE_TERMS,
        lines: [{ designation: 'x', quantity: '1', listUnitPrice: '10', unitPrice: '10', vatRate: '19.6' }],
      },
      { code: 'BAD_USER_INPUT', field: 'input.lines.0.vatRate' },
    ],
  ])('are refused from %s, and nothing is created', async (_, supplier, terms, error) => {
    const requestId = await submitRequestSolicitingTwoBrands(stack);
    expect((await submitProposal(supplier, requestId, `refused-${requestId}`, terms)).errors).toEqual([
      expect.objectContaining(error),
    ]);
    expect((await requestOf(requestId)).proposals).toHaveLength(0);
  });

  it('go to the manager first: accepting before approval, or without CGE and CGU, is refused', async () => {
    const DASHBOARD = graphql(`query Dashboard { dashboard { purchaseRequestsToApprove } }`);
    const toApprove = async () => (await stack.query(manager, DASHBOARD)).data!.dashboard!.purchaseRequestsToApprove;
    const before = await toApprove();
    const { outscaleProposal, ovhProposal } = await twoProposals();
    expect(await toApprove()).toBe(before + 2);
    expect((await accept(outscaleProposal)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect((await stack.query(beneficiary, APPROVE, { id: outscaleProposal })).data!.approveProposal.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    expect((await stack.query(manager, REJECT, { id: ovhProposal, comment: '' })).data!.rejectProposal.errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'comment' }),
    ]);
    for (const id of [outscaleProposal, ovhProposal])
      expect((await approve(id, 'Budget disponible')).proposal).toEqual({ status: 'APPROVED' });
    expect(await toApprove()).toBe(before);
    expect((await accept(outscaleProposal, true, false)).errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'cguAccepted' }),
    ]);
    const READ = graphql(`query Read($id: ID!) { proposal(id: $id) { id } }`);
    expect((await stack.query(ovh, READ, { id: outscaleProposal })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('are accepted once: two concurrent accepts of two proposals of one request give exactly one subscription order', async () => {
    const { requestId, outscaleProposal, ovhProposal } = await twoProposals();
    for (const id of [outscaleProposal, ovhProposal]) await approve(id);
    const outcomes = await Promise.all([ovhProposal, outscaleProposal].map((id) => accept(id)));
    expect(outcomes.filter((o) => o.errors.length === 0)).toHaveLength(1);
    expect(outcomes.find((o) => o.errors.length > 0)!.errors[0]!.code).toMatch(/CONFLICT|INVALID_TRANSITION/);
    const DOCUMENTS = graphql(`
      query Documents($id: ID!) { request(id: $id) { proposals { id status subscriptionOrder { number order { reference status fileNumber } } documents { kind fileName downloadUrl } } } }
    `);
    const { data } = await stack.query(beneficiary, DOCUMENTS, { id: requestId });
    const proposals = data!.request!.proposals;
    const accepted = proposals.filter((p) => p.status === 'ACCEPTED');
    expect(accepted).toHaveLength(1);
    expect(proposals.filter((p) => p.status === 'CLOSED')).toHaveLength(1);
    const { subscriptionOrder, documents } = accepted[0]!;
    expect(subscriptionOrder!.number).toMatch(/^BS\d{6}$/);
    expect(documents.map((d) => d.kind).sort()).toEqual(['PURCHASE_REQUEST', 'SUBSCRIPTION_ORDER']);
    await stack.settle();
    expect((await requestOf(requestId)).status).toBe('ORDERED');

    const document = documents.find((d) => d.kind === 'SUBSCRIPTION_ORDER')!;
    expect(document.fileName).toBe(`${subscriptionOrder!.number}-bon-de-souscription-nuage-public.pdf`);
    const download = async (caller: Identity) =>
      fetch(new URL(document.downloadUrl, stack.gatewayUrl), {
        headers: { authorization: `Bearer ${await stack.tokenFor(caller)}` },
      });
    const pdf = await download(beneficiary);
    expect(pdf.status).toBe(200);
    const text = (await extractText(new Uint8Array(await pdf.arrayBuffer()), { mergePages: true })).text.replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain(subscriptionOrder!.number);
    // Either brand may win the race: the document names the one whose proposal was accepted.
    expect(text).toMatch(/CGE de l'UGAP et CGU de (OVH SAS|3DS OUTSCALE SAS) acceptées sans réserve/);
    expect((await download(aws)).status).toBe(404);
    expect(subscriptionOrder!.order).toEqual({
      reference: expect.stringMatching(/^CC\d{6}$/),
      status: 'AWAITING_VALIDATION',
      fileNumber: expect.stringMatching(/^\d{6}-\d{2}$/),
    });
  });

  it('cannot be withdrawn once accepted, nor accepted once expired', async () => {
    const { requestId, outscaleProposal } = await twoProposals();
    await approve(outscaleProposal);
    await accept(outscaleProposal);
    const WITHDRAW = graphql(
      `mutation Withdraw($id: ID!, $key: String!) { withdrawProposal(id: $id, idempotencyKey: $key) { errors { code } } }`,
    );
    const withdraw = await stack.query(outscale, WITHDRAW, {
      id: outscaleProposal,
      key: `withdraw-${outscaleProposal}`,
    });
    expect(withdraw.data!.withdrawProposal.errors).toEqual([{ code: 'INVALID_TRANSITION' }]);
    expect((await requestOf(requestId)).status).toBe('ORDERED');

    const other = await submitRequestSolicitingTwoBrands(stack);
    const late = (await submitProposal(ovh, other, 'ovh-late-proposal-01')).proposal!.id;
    await approve(late);
    // Time passes: the validity date is now yesterday.
    await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute(`update proposal set valid_until = current_date - 1 where id = ?`, [late]);
    expect((await accept(late)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    const [subscriptions] = await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        'select count(*) as count from subscription_order s join proposal p on p.id = s.proposal_id where p.request_id = ?',
        [other],
      );
    expect(Number(subscriptions!.count)).toBe(0);
  });

  it('a revision goes back to the manager; a refusal says why; two accepts of one proposal give one order', async () => {
    const { requestId, outscaleProposal, ovhProposal } = await twoProposals();
    await approve(ovhProposal);
    const REVISE = graphql(`
      mutation Revise($id: ID!, $input: ProposalTermsInput!, $key: String!) {
        reviseProposal(id: $id, input: $input, idempotencyKey: $key) { proposal { status revision totals { totalExclVat { amount } } } errors { code } }
      }
    `);
    const revised = await stack.query(ovh, REVISE, {
      id: ovhProposal,
      key: `revise-${ovhProposal}`,
      input: {
        ...GUIDE_TERMS,
        lines: [
          { designation: 'Remise exceptionnelle', quantity: '1', listUnitPrice: '10000.00', unitPrice: '9500.00' },
        ],
      },
    });
    expect(revised.data!.reviseProposal).toEqual({
      proposal: { status: 'AWAITING_MANAGER', revision: 1, totals: { totalExclVat: { amount: '9500.00' } } },
      errors: [],
    });
    const refuse = async (reason: string) =>
      (await stack.query(beneficiary, REFUSE, { id: outscaleProposal, reason })).data!.refuseProposal;
    expect((await refuse('')).errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' })]);
    expect((await refuse('Hors budget')).proposal).toEqual({ status: 'REFUSED' });
    await approve(ovhProposal);
    const outcomes = await Promise.all([1, 2].map(() => accept(ovhProposal)));
    expect(outcomes.filter((o) => o.errors.length === 0)).toHaveLength(1);
    const [orders] = await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) as count from customer_order where request_id = ?', [requestId]);
    expect(Number(orders!.count)).toBe(1);
  });
});

describe('orders, from validation to invoices', () => {
  it('are validated by UGAP only; nothing is delivered before', async () => {
    const { order, supplier } = await placedOrder();
    const early = await stack.query(supplier, DELIVER, {
      id: order.id,
      day: inDays(0),
      lines: [{ orderLineId: order.lines[0]!.id, quantity: '1' }],
      key: `early-${order.id}`,
    });
    expect(early.data!.recordDelivery.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    const reference = `REF${order.reference}`;
    const validate = async (caller: Identity, chorusPurchaseRequestNumber = '1300042517') =>
      (
        await stack.query(caller, VALIDATE, {
          id: order.id,
          input: { ...validation(reference), chorusPurchaseRequestNumber },
        })
      ).data!.validateOrder;
    expect((await validate(beneficiary)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await validate(ugap, 'abc')).errors).toEqual([
      expect.objectContaining({ field: 'input.chorusPurchaseRequestNumber' }),
    ]);
    expect((await validate(ugap)).order).toMatchObject({
      status: 'TO_DELIVER',
      statusLabel: 'A livrer',
      ugapReference: reference,
      plannedDeliveryDate: inDays(5),
    });
    const byReference = await stack.query(beneficiary, ORDERS, { f: { reference: reference.toLowerCase() } });
    expect(byReference.data!.orders!.totalCount).toBe(1);
  });

  it('move their planned delivery when the supplier accepts a delay request', async () => {
    const { order, supplier, ugapReference } = await orderToDeliver();
    const ASK = graphql(`
      mutation Ask($id: ID!, $day: LocalDate!) { requestDelay(orderId: $id, requestedDate: $day, reason: "Salle serveur indisponible") { delayRequest { id status } errors { code } } }
    `);
    const delay = (await stack.query(beneficiary, ASK, { id: order.id, day: inDays(20) })).data!.requestDelay
      .delayRequest!;
    expect(delay.status).toBe('PENDING');
    const ANSWER = graphql(`
      mutation AnswerDelay($id: ID!, $answer: String) { answerDelayRequest(id: $id, accept: true, answer: $answer) { delayRequest { status answeredByName } errors { code } } }
    `);
    expect((await stack.query(beneficiary, ANSWER, { id: delay.id })).data!.answerDelayRequest.errors).toEqual([
      { code: 'FORBIDDEN' },
    ]);
    const answered = await stack.query(supplier, ANSWER, { id: delay.id, answer: "D'accord" });
    expect(answered.data!.answerDelayRequest.delayRequest!.status).toBe('ACCEPTED');
    const DELAYS = graphql(`
      query Delays($f: OrderFilter) { orders(filter: $f) { edges { node { plannedDeliveryDate delayRequests { status requestedDate } } } } }
    `);
    const { data } = await stack.query(beneficiary, DELAYS, { f: { reference: ugapReference } });
    expect(data!.orders!.edges[0]!.node).toEqual({
      plannedDeliveryDate: inDays(20),
      delayRequests: [{ status: 'ACCEPTED', requestedDate: inDays(20) }],
    });
  });

  it('are delivered line by line by their own supplier, once per idempotency key', async () => {
    const { order, supplier } = await orderToDeliver();
    const lines = [{ orderLineId: order.lines[0]!.id, quantity: '1' }];
    const deliver = async (caller: Identity, key: string) =>
      (await stack.query(caller, DELIVER, { id: order.id, day: inDays(0), lines, key })).data!.recordDelivery;
    expect((await deliver(ovh, `other-brand-${order.id}`)).errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND' }),
    ]);
    const DELIVERIES = graphql(`query Deliveries { deliveries(first: 100) { edges { node { order { id } } } } }`);
    const notes = async () =>
      (await stack.query(supplier, DELIVERIES)).data!.deliveries!.edges.filter((e) => e.node.order.id === order.id)
        .length;
    expect((await deliver(supplier, `note-${order.id}`)).order).toMatchObject({
      status: 'DELIVERED',
      lines: [{ quantityDelivered: '1.00', deliveredOn: inDays(0) }],
    });
    expect((await deliver(supplier, `note-${order.id}`)).order!.lines[0]!.quantityDelivered).toBe('1.00');
    expect(await notes()).toBe(1);
  });

  it('are activated by the buyer once the supplier declares the services open; a problem sends them back', async () => {
    const { order, supplier } = await deliveredOrder();
    const ACTIVATIONS = graphql(`query Activations { dashboard { activationsToValidate } }`);
    const toValidate = async () => (await stack.query(beneficiary, ACTIVATIONS)).data!.dashboard!.activationsToValidate;
    const before = await toValidate();
    const opened = await stack.query(supplier, OPEN, {
      id: order.id,
      key: `open-${order.id}`,
      note: 'Accès envoyés par courriel sécurisé.',
    });
    expect(opened.data!.declareServicesOpen.order!.status).toBe('SERVICES_OPENED');
    expect(await toValidate()).toBe(before + 1);
    await stack.settle();
    const told = readdirSync(join(stack.dataDir, 'mail'))
      .map((f) => readFileSync(join(stack.dataDir, 'mail', f), 'utf8'))
      .filter((m) => (m.includes('mise_en_service') || m.includes('mise en service')) && m.includes(order.reference));
    expect(told.map((m) => /^To: (.+)$/m.exec(m)![1]).sort()).toEqual([
      'clara.maurice@entite.gouv.fr',
      'marc.lefevre@entite.gouv.fr',
    ]);
    const reported = await stack.query(beneficiary, REPORT, {
      id: order.id,
      text: 'Les identifiants fournis ne fonctionnent pas.',
    });
    expect(reported.data!.reportActivationProblem.order!.status).toBe('ACTIVATION_DISPUTED');
    // The incidents subgraph learns of it by event (it opens the incident).
    const [disputed] = await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute<{ payload: { description: string } }[]>(
        "select payload from event_outbox where topic = 'ordering.activation.disputed' and payload->>'orderId' = ?",
        [order.id],
      );
    expect(disputed!.payload.description).toBe('Les identifiants fournis ne fonctionnent pas.');
    const reopened = await stack.query(supplier, OPEN, { id: order.id, key: `reopen-${order.id}` });
    expect(reopened.data!.declareServicesOpen.order!.status).toBe('SERVICES_OPENED');
    const activated = (await stack.query(beneficiary, ACTIVATE, { id: order.id })).data!.validateActivation;
    expect(activated.errors).toEqual([]);
    expect(activated.order).toMatchObject({ status: 'ACTIVATED', dueDate: expect.any(String) });
    // 36 months billed annually in advance: three invoices of 3 230,00 + 646,00 VAT, for UGAP to issue from today.
    expect(activated.order!.schedule.map((i) => [i.status, i.amountExclVat.amount, i.vatAmount.amount])).toEqual([
      ['SCHEDULED', '3230.00', '646.00'],
      ['SCHEDULED', '3230.00', '646.00'],
      ['SCHEDULED', '3230.00', '646.00'],
    ]);
    expect(activated.order!.schedule[0]!.issueDate).toBe(inDays(0));
    expect((await stack.query(beneficiary, ACTIVATE, { id: order.id })).data!.validateActivation.errors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    ]);
  });

  it('appear as renewal candidates by due date and SIRET, grouped by project, with the potential amount', async () => {
    const { order, supplier } = await deliveredOrder();
    await stack.query(supplier, OPEN, { id: order.id, key: `open-${order.id}` });
    await stack.query(beneficiary, ACTIVATE, { id: order.id });
    const CANDIDATES = graphql(`
      query Candidates($f: RenewalFilter) {
        renewalCandidates(filter: $f) { count totalPotential { amount } projects { projectName lines { designation order { reference dueDate } } } }
      }
    `);
    const candidates = async (caller: Identity, f: VariablesOf<typeof CANDIDATES>['f']) =>
      (await stack.query(caller, CANDIDATES, { f })).data!.renewalCandidates!;
    const ours = { documentNumber: order.reference };
    expect(
      await candidates(beneficiary, {
        ...ours,
        siret: '13002526500013',
        dueFrom: inDays(365 * 2),
        dueTo: inDays(365 * 4),
      }),
    ).toMatchObject({
      count: 1,
      totalPotential: { amount: '9690.00' },
      projects: [{ lines: [{ order: { reference: order.reference, dueDate: expect.any(String) } }] }],
    });
    expect((await candidates(beneficiary, { ...ours, dueTo: inDays(30) })).count).toBe(0);
    expect((await candidates(aws, ours)).count).toBe(0);
  });
});

describe('SQL statements', () => {
  it('listing 100 orders with their lines, proposal and request costs the same as listing one', async () => {
    // A stack of its own: the copies below would show in the other tests' lists.
    const own = await startTestStack(inject('databaseUrl'));
    try {
      await placeOrderWithOvh(own);
      const LIST = graphql(`
        query List {
          orders(first: 100) { totalCount edges { node {
            reference statusLabel totals { totalInclVat { amount } } lines { designation amounts { totalExclVat { amount } } }
            proposal { number } request { fileNumber project { codeName } } linkedOrders { reference }
          } } }
        }
      `);
      const statements = async () => {
        const before = {
          ordering: sqlStatementCount(own.subgraphs.ordering.orm),
          requests: sqlStatementCount(own.subgraphs.requests.orm),
        };
        const { data, errors } = await own.query(beneficiary, LIST);
        expect(errors).toBeUndefined();
        return {
          orders: data!.orders!.edges.length,
          ordering: sqlStatementCount(own.subgraphs.ordering.orm) - before.ordering,
          requests: sqlStatementCount(own.subgraphs.requests.orm) - before.requests,
        };
      };
      const one = await statements();
      expect(one.orders).toBe(1);
      // 99 more orders, copies of the first with their lines (as many acceptances would leave them).
      await own.subgraphs.ordering.orm.em.getConnection().execute(`
        with source as (select * from customer_order limit 1), copies as (
          insert into customer_order (id, created_at, updated_at, reference, status, entity_id, brand_id, placed_at, proposal_id, request_id, file_number, proposal_number, project_name, entity_siret, placed_by_name, commitment_months, billing_period, billing_timing, version)
          select gen_random_uuid(), now(), now(), 'CX' || lpad(g::text, 6, '0'), status, entity_id, brand_id, placed_at - (g || ' minutes')::interval, proposal_id, request_id, file_number, proposal_number, project_name, entity_siret, placed_by_name, commitment_months, billing_period, billing_timing, 1
            from source, generate_series(1, 99) as g returning id)
        insert into order_line (id, created_at, updated_at, order_id, position, product_code, designation, quantity, quantity_delivered, list_unit_price, unit_price, vat_rate, last_update_at)
        select gen_random_uuid(), now(), now(), copies.id, 0, '145893', 'Prestation', 1, 0, 10000, 9690, 20, now() from copies`);
      const hundred = await statements();
      expect(hundred).toEqual({ orders: 100, ordering: one.ordering, requests: one.requests });
      // Ordering: the page, its count, the lines, the proposals, the orders of their projects; requests: the requests and their projects.
      expect(one).toEqual({ orders: 1, ordering: 5, requests: 2 });
    } finally {
      await own.close();
    }
  });
});
