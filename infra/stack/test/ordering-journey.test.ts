import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractText } from 'unpdf';
import { seededIdentity } from '@nuage/fixtures';
import { sqlStatementCount, type Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack';
import { inDays, submitRequestSolicitingTwoBrands } from '../src/journey';

/** Step 5 of the journey through the gateway: proposals, manager approval, acceptance. */
let stack: TestStack;
const beneficiary = seededIdentity('beneficiary');
const ugap = seededIdentity('ugap');
const manager = seededIdentity('manager');
const ovh = seededIdentity('supplier:ovhcloud');
const outscale = seededIdentity('supplier:3ds-outscale');
const aws = seededIdentity('supplier:aws');

const GUIDE_TERMS = {
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
const PROPOSAL_FIELDS = `id number status statusLabel fileNumber availableActions
  lines { productCode designation amounts { quantity listUnitPrice { amount } unitPrice { amount } listTotal { amount } totalExclVat { amount } } }
  totals { listTotal { amount } totalExclVat { amount formatted } vat { rate base { amount } amount { amount } } totalInclVat { amount formatted } }`;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

const submittedRequest = () => submitRequestSolicitingTwoBrands(stack);

const submitProposal = async (
  supplier: Identity,
  requestId: string,
  key: string,
  terms: Record<string, unknown> = GUIDE_TERMS,
) => {
  const response = await stack.query(
    supplier,
    `mutation($requestId: ID!, $input: ProposalTermsInput!, $key: String!) { submitProposal(requestId: $requestId, input: $input, idempotencyKey: $key) { proposal { ${PROPOSAL_FIELDS} } errors { code field message } } }`,
    { requestId, input: terms, key },
  );
  return response.errors
    ? { proposal: null, errors: response.errors.map((e) => ({ code: e.extensions?.code })) }
    : response.data!.submitProposal;
};
const decide = async (caller: Identity, mutation: string, args: Record<string, unknown>) => {
  const params = Object.keys(args)
    .map((k) => `${k}: $${k}`)
    .join(', ');
  const types: Record<string, string> = {
    id: 'ID!',
    comment: mutation === 'rejectProposal' ? 'String!' : 'String',
    reason: 'String!',
    cgeAccepted: 'Boolean!',
    cguAccepted: 'Boolean!',
  };
  const declarations = Object.keys(args)
    .map((k) => `$${k}: ${types[k]}`)
    .join(', ');
  const response = await stack.query(
    caller,
    `mutation(${declarations}) { ${mutation}(${params}) { proposal { status } errors { code field message } } }`,
    args,
  );
  return response.errors
    ? { proposal: null, errors: response.errors.map((e) => ({ code: e.extensions?.code })) }
    : response.data![mutation];
};
const requestStatus = async (id: string) =>
  (
    await stack.query(beneficiary, 'query($id: ID!) { request(id: $id) { status proposals { number statusLabel } } }', {
      id,
    })
  ).data!.request;

let requestId = '';
let ovhProposal = '';
let outscaleProposal = '';

describe('proposals', () => {
  it("are submitted by a solicited supplier with exact totals (the guide's 10 000,00 → 11 628,00), once per idempotency key", async () => {
    requestId = await submittedRequest();
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
    outscaleProposal = first.proposal.id;

    const retry = await submitProposal(outscale, requestId, 'outscale-proposal-0001');
    expect(retry.proposal.id).toBe(outscaleProposal);
    expect((await requestStatus(requestId)).proposals).toHaveLength(1);
    const reused = await submitProposal(outscale, requestId, 'outscale-proposal-0001', {
      ...GUIDE_TERMS,
      commitmentMonths: 12,
    });
    expect(reused.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'idempotencyKey' })]);

    // The same amounts as Outscale's, so that whichever is accepted below, the order's figures are the guide's.
    const second = await submitProposal(ovh, requestId, 'ovh-proposal-0001', {
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
    });
    expect(second.proposal.totals.totalInclVat.amount).toBe('11628.00');
    ovhProposal = second.proposal.id;

    await stack.settle();
    expect(await requestStatus(requestId)).toMatchObject({ status: 'PROPOSALS_RECEIVED' });
  });

  it.each([
    [
      'a supplier whose brand the request does not solicit',
      () => submitProposal(aws, requestId, 'aws-proposal-00001'),
      { code: 'NOT_FOUND', field: 'requestId' },
    ],
    [
      'a unit price above the public price',
      () =>
        submitProposal(ovh, requestId, 'ovh-bad-price-0001', {
          ...GUIDE_TERMS,
          lines: [{ designation: 'x', quantity: '1', listUnitPrice: '10', unitPrice: '11' }],
        }),
      { code: 'BAD_USER_INPUT', field: 'input.lines.0.unitPrice' },
    ],
    [
      'a validity date in the past',
      () => submitProposal(ovh, requestId, 'ovh-bad-date-0001', { ...GUIDE_TERMS, validUntil: '2020-01-01' }),
      { code: 'BAD_USER_INPUT', field: 'input.validUntil' },
    ],
    [
      'a VAT rate that does not exist',
      () =>
        submitProposal(ovh, requestId, 'ovh-bad-vat-00001', {
          ...GUIDE_TERMS,
          lines: [{ designation: 'x', quantity: '1', listUnitPrice: '10', unitPrice: '10', vatRate: '19.6' }],
        }),
      { code: 'BAD_USER_INPUT', field: 'input.lines.0.vatRate' },
    ],
  ])('are refused from %s, and nothing is created', async (_, attempt, error) => {
    const before = (await requestStatus(requestId)).proposals.length;
    expect((await attempt()).errors).toEqual([expect.objectContaining(error)]);
    expect((await requestStatus(requestId)).proposals).toHaveLength(before);
  });

  it('go to the manager first: accepting before approval, or without CGE and CGU, is refused', async () => {
    expect(
      (await stack.query(manager, '{ dashboard { purchaseRequestsToApprove } }')).data!.dashboard
        .purchaseRequestsToApprove,
    ).toBe(2);
    expect(
      (await decide(beneficiary, 'acceptProposal', { id: outscaleProposal, cgeAccepted: true, cguAccepted: true }))
        .errors,
    ).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect((await decide(beneficiary, 'approveProposal', { id: outscaleProposal })).errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    expect((await decide(manager, 'rejectProposal', { id: ovhProposal, comment: '' })).errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'comment' }),
    ]);
    for (const id of [outscaleProposal, ovhProposal])
      expect((await decide(manager, 'approveProposal', { id, comment: 'Budget disponible' })).proposal).toEqual({
        status: 'APPROVED',
      });
    expect(
      (await decide(beneficiary, 'acceptProposal', { id: outscaleProposal, cgeAccepted: true, cguAccepted: false }))
        .errors,
    ).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'cguAccepted' })]);
    expect(
      (await stack.query(ovh, 'query($id: ID!) { proposal(id: $id) { id } }', { id: outscaleProposal })).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('are accepted once: two concurrent accepts of two proposals of one request give exactly one subscription order', async () => {
    const outcomes = await Promise.all(
      [ovhProposal, outscaleProposal].map((id) =>
        decide(beneficiary, 'acceptProposal', { id, cgeAccepted: true, cguAccepted: true }),
      ),
    );
    const winners = outcomes.filter((o) => o.errors.length === 0);
    expect(winners).toHaveLength(1);
    expect(outcomes.find((o) => o.errors.length > 0)!.errors[0].code).toMatch(/CONFLICT|INVALID_TRANSITION/);
    const { data } = await stack.query(
      beneficiary,
      'query($id: ID!) { request(id: $id) { proposals { id status subscriptionOrder { number } documents { kind fileName downloadUrl } } } }',
      { id: requestId },
    );
    const accepted = data!.request.proposals.filter((p: { status: string }) => p.status === 'ACCEPTED');
    expect(accepted).toHaveLength(1);
    expect(data!.request.proposals.filter((p: { status: string }) => p.status === 'CLOSED')).toHaveLength(1);
    expect(accepted[0].subscriptionOrder.number).toMatch(/^BS\d{6}$/);
    expect(accepted[0].documents.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'PURCHASE_REQUEST',
      'SUBSCRIPTION_ORDER',
    ]);
    await stack.settle();
    expect((await requestStatus(requestId)).status).toBe('ORDERED');

    const document = accepted[0].documents.find((d: { kind: string }) => d.kind === 'SUBSCRIPTION_ORDER');
    expect(document.fileName).toBe(`${accepted[0].subscriptionOrder.number}-bon-de-souscription-nuage-public.pdf`);
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
    expect(text).toContain(accepted[0].subscriptionOrder.number);
    expect(text).toContain('CGE et CGU acceptées');
    expect((await download(aws)).status).toBe(404);

    const orders = await stack.query(
      beneficiary,
      '{ orders(first: 10) { edges { node { reference status statusLabel proposalNumber fileNumber } } } }',
    );
    expect(orders.data!.orders.edges).toEqual([
      {
        node: expect.objectContaining({
          reference: expect.stringMatching(/^CC\d{6}$/),
          status: 'AWAITING_VALIDATION',
          fileNumber: expect.stringMatching(/^\d{6}-\d{2}$/),
        }),
      },
    ]);
  });

  it('cannot be revised or withdrawn once accepted, nor accepted once expired', async () => {
    const acceptedId =
      (await requestStatus(requestId)).proposals.length &&
      (
        await stack.query(beneficiary, 'query($id: ID!) { request(id: $id) { proposals { id status } } }', {
          id: requestId,
        })
      ).data!.request.proposals.find((p: { status: string }) => p.status === 'ACCEPTED').id;
    const supplier = acceptedId === ovhProposal ? ovh : outscale;
    const withdraw = await stack.query(
      supplier,
      'mutation($id: ID!) { withdrawProposal(id: $id, idempotencyKey: "withdraw-late-0001") { errors { code } } }',
      { id: acceptedId },
    );
    expect(withdraw.data!.withdrawProposal.errors).toEqual([{ code: 'INVALID_TRANSITION' }]);

    const other = await submittedRequest();
    const late = await submitProposal(ovh, other, 'ovh-late-proposal-01');
    await decide(manager, 'approveProposal', { id: late.proposal.id });
    // Time passes: the validity date is now yesterday.
    await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute(`update proposal set valid_until = current_date - 1 where id = ?`, [late.proposal.id]);
    expect(
      (await decide(beneficiary, 'acceptProposal', { id: late.proposal.id, cgeAccepted: true, cguAccepted: true }))
        .errors,
    ).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    const [subscriptions] = await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        `select count(*) as count from subscription_order s join proposal p on p.id = s.proposal_id where p.request_id = ?`,
        [other],
      );
    expect(Number(subscriptions!.count)).toBe(0);
  });
});

describe('orders, from validation to invoices', () => {
  const ORDER =
    'id reference status statusLabel ugapReference plannedDeliveryDate dueDate lines { id quantityDelivered deliveredOn } schedule { number periodStart issueDate issued amountExclVat { amount } vatAmount { amount } }';
  const orderMutation = async (caller: Identity, call: string, variables: Record<string, unknown> = {}) => {
    const response = await stack.query(
      caller,
      `mutation(${Object.keys(variables)
        .map((k) => `$${k}: ${VARIABLE_TYPES[k]}`)
        .join(', ')}) { ${call} { order { ${ORDER} } errors { code field message } } }`,
      variables,
    );
    return response.errors
      ? { order: null, errors: response.errors.map((e) => ({ code: e.extensions?.code })) }
      : (Object.values(response.data!)[0] as { order: any; errors: any[] });
  };
  const VARIABLE_TYPES: Record<string, string> = {
    id: 'ID!',
    input: 'ValidateOrderInput!',
    lines: '[DeliveredLineInput!]!',
    day: 'LocalDate!',
    key: 'String!',
    text: 'String!',
  };
  let order: { id: string; lines: { id: string }[] };
  let supplier: Identity;

  it('are validated by UGAP only; nothing is delivered before', async () => {
    const { data } = await stack.query(
      beneficiary,
      `{ orders(filter: { statuses: [AWAITING_VALIDATION] }) { edges { node { ${ORDER} brand { name } } } } }`,
    );
    order = data!.orders.edges[0].node;
    supplier = data!.orders.edges[0].node.brand.name === 'OVHCLOUD' ? ovh : outscale;
    const early = await orderMutation(
      supplier,
      'recordDelivery(orderId: $id, deliveredOn: $day, lines: $lines, idempotencyKey: $key)',
      {
        id: order.id,
        day: inDays(0),
        lines: [{ orderLineId: order.lines[0]!.id, quantity: '1' }],
        key: 'early-delivery-0001',
      },
    );
    expect(early.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect(
      (
        await orderMutation(beneficiary, 'validateOrder(id: $id, input: $input)', {
          id: order.id,
          input: { ugapReference: 'REFCMDUGAP', chorusNumber: '1300042517', plannedDeliveryDate: inDays(5) },
        })
      ).errors,
    ).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(
      (
        await orderMutation(ugap, 'validateOrder(id: $id, input: $input)', {
          id: order.id,
          input: { ugapReference: 'REFCMDUGAP', chorusNumber: 'abc', plannedDeliveryDate: inDays(5) },
        })
      ).errors,
    ).toEqual([expect.objectContaining({ field: 'input.chorusNumber' })]);
    const validated = await orderMutation(ugap, 'validateOrder(id: $id, input: $input)', {
      id: order.id,
      input: { ugapReference: 'REFCMDUGAP', chorusNumber: '1300042517', plannedDeliveryDate: inDays(5) },
    });
    expect(validated.order).toMatchObject({
      status: 'TO_DELIVER',
      statusLabel: 'A livrer',
      ugapReference: 'REFCMDUGAP',
      plannedDeliveryDate: inDays(5),
    });
    const byReference = await stack.query(
      beneficiary,
      '{ orders(filter: { reference: "refcmdugap" }) { totalCount } }',
    );
    expect(byReference.data!.orders.totalCount).toBe(1);
  });

  it('move their planned delivery when the supplier accepts a delay request', async () => {
    const asked = await stack.query(
      beneficiary,
      'mutation($id: ID!, $day: LocalDate!) { requestDelay(orderId: $id, requestedDate: $day, reason: "Salle serveur indisponible") { delayRequest { id status } errors { code } } }',
      { id: order.id, day: inDays(20) },
    );
    const delay = asked.data!.requestDelay.delayRequest;
    expect(delay.status).toBe('PENDING');
    const byBuyer = await stack.query(
      beneficiary,
      'mutation($id: ID!) { answerDelayRequest(id: $id, accept: true) { errors { code } } }',
      { id: delay.id },
    );
    expect(byBuyer.data!.answerDelayRequest.errors).toEqual([{ code: 'FORBIDDEN' }]);
    const answered = await stack.query(
      supplier,
      'mutation($id: ID!) { answerDelayRequest(id: $id, accept: true, answer: "D\'accord") { delayRequest { status answeredByName } errors { code } } }',
      { id: delay.id },
    );
    expect(answered.data!.answerDelayRequest.delayRequest.status).toBe('ACCEPTED');
    const { data } = await stack.query(
      beneficiary,
      'query { orders(filter: { reference: "REFCMDUGAP" }) { edges { node { plannedDeliveryDate delayRequests { status requestedDate } } } } }',
    );
    expect(data!.orders.edges[0].node).toEqual({
      plannedDeliveryDate: inDays(20),
      delayRequests: [{ status: 'ACCEPTED', requestedDate: inDays(20) }],
    });
  });

  it('are delivered line by line by their own supplier, once per idempotency key', async () => {
    const lines = [{ orderLineId: order.lines[0]!.id, quantity: '1' }];
    const other = supplier === ovh ? outscale : ovh;
    expect(
      (
        await orderMutation(
          other,
          'recordDelivery(orderId: $id, deliveredOn: $day, lines: $lines, idempotencyKey: $key)',
          { id: order.id, day: inDays(0), lines, key: 'other-brand-0001' },
        )
      ).errors,
    ).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const delivered = await orderMutation(
      supplier,
      'recordDelivery(orderId: $id, deliveredOn: $day, lines: $lines, idempotencyKey: $key)',
      { id: order.id, day: inDays(0), lines, key: 'delivery-note-0001' },
    );
    expect(delivered.order).toMatchObject({
      status: 'DELIVERED',
      lines: [{ quantityDelivered: '1.00', deliveredOn: inDays(0) }],
    });
    const retried = await orderMutation(
      supplier,
      'recordDelivery(orderId: $id, deliveredOn: $day, lines: $lines, idempotencyKey: $key)',
      { id: order.id, day: inDays(0), lines, key: 'delivery-note-0001' },
    );
    expect(retried.order.lines[0].quantityDelivered).toBe('1.00');
    expect((await stack.query(supplier, '{ deliveries { totalCount } }')).data!.deliveries.totalCount).toBe(1);
  });

  it('are activated by the buyer once the supplier declares the services open; a problem sends them back', async () => {
    const opened = await orderMutation(
      supplier,
      'declareServicesOpen(orderId: $id, idempotencyKey: $key, note: $text)',
      { id: order.id, key: 'open-services-0001', text: 'Accès envoyés par courriel sécurisé.' },
    );
    expect(opened.order.status).toBe('SERVICES_OPENED');
    expect(
      (await stack.query(beneficiary, '{ dashboard { activationsToValidate } }')).data!.dashboard.activationsToValidate,
    ).toBe(1);
    await stack.settle();
    const mails = readdirSync(join(stack.dataDir, 'mail')).map((f) =>
      readFileSync(join(stack.dataDir, 'mail', f), 'utf8'),
    );
    const told = mails.filter((m) => m.includes('mise_en_service') || m.includes('mise en service'));
    expect(told.map((m) => /^To: (.+)$/m.exec(m)![1]).sort()).toEqual([
      'clara.maurice@entite.gouv.fr',
      'marc.lefevre@entite.gouv.fr',
    ]);

    expect(
      (
        await orderMutation(beneficiary, 'reportActivationProblem(orderId: $id, description: $text)', {
          id: order.id,
          text: 'Les identifiants fournis ne fonctionnent pas.',
        })
      ).order.status,
    ).toBe('ACTIVATION_DISPUTED');
    // The incidents subgraph learns of it by event (it opens the incident: see the incidents issue).
    const [disputed] = await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute<{ payload: { description: string } }[]>(
        "select payload from event_outbox where topic = 'ordering.activation.disputed'",
      );
    expect(disputed!.payload.description).toBe('Les identifiants fournis ne fonctionnent pas.');
    expect(
      (
        await orderMutation(supplier, 'declareServicesOpen(orderId: $id, idempotencyKey: $key)', {
          id: order.id,
          key: 'open-services-0002',
        })
      ).order.status,
    ).toBe('SERVICES_OPENED');
    const activated = await orderMutation(beneficiary, 'validateActivation(orderId: $id)', { id: order.id });
    expect(activated.errors).toEqual([]);
    expect(activated.order).toMatchObject({ status: 'ACTIVATED', dueDate: expect.any(String) });
    // 36 months billed annually in advance: three invoices of 3 230,00 + 646,00 VAT, the first issued today.
    expect(activated.order.schedule.map((i: any) => [i.issued, i.amountExclVat.amount, i.vatAmount.amount])).toEqual([
      [true, '3230.00', '646.00'],
      [false, '3230.00', '646.00'],
      [false, '3230.00', '646.00'],
    ]);
    expect(activated.order.schedule[0].issueDate).toBe(inDays(0));
    expect((await orderMutation(beneficiary, 'validateActivation(orderId: $id)', { id: order.id })).errors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    ]);
  });

  it('appear as renewal candidates by due date and SIRET, grouped by project, with the potential amount', async () => {
    const query =
      'query($f: RenewalFilter) { renewalCandidates(filter: $f) { count totalPotential { amount } projects { projectName lines { designation order { reference dueDate } } } } }';
    const found = await stack.query(beneficiary, query, {
      f: { siret: '13002526500013', dueFrom: inDays(365 * 2), dueTo: inDays(365 * 4) },
    });
    expect(found.data!.renewalCandidates).toMatchObject({
      count: 1,
      totalPotential: { amount: '9690.00' },
      projects: [{ lines: [{ order: { dueDate: expect.any(String) } }] }],
    });
    const none = await stack.query(beneficiary, query, { f: { dueTo: inDays(30) } });
    expect(none.data!.renewalCandidates.count).toBe(0);
    expect((await stack.query(aws, query, {})).data!.renewalCandidates.count).toBe(0);
  });
});

describe('SQL statements', () => {
  it('listing 100 orders with their lines, proposal and request costs the same as listing one', async () => {
    const LIST =
      '{ orders(first: 100) { totalCount edges { node { reference statusLabel totals { totalInclVat { amount } } lines { designation amounts { totalExclVat { amount } } } proposal { number } request { fileNumber project { codeName } } linkedOrders { reference } } } } }';
    const statements = async () => {
      const before = {
        ordering: sqlStatementCount(stack.subgraphs.ordering.orm),
        requests: sqlStatementCount(stack.subgraphs.requests.orm),
      };
      const { data, errors } = await stack.query(beneficiary, LIST);
      expect(errors).toBeUndefined();
      return {
        orders: data!.orders.edges.length,
        ordering: sqlStatementCount(stack.subgraphs.ordering.orm) - before.ordering,
        requests: sqlStatementCount(stack.subgraphs.requests.orm) - before.requests,
      };
    };
    const one = await statements();
    expect(one.orders).toBe(1);
    // 99 more orders, copies of the first with their lines (as many acceptances would leave them).
    await stack.subgraphs.ordering.orm.em.getConnection().execute(`
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
  });
});

describe('revision, refusal and concurrent accepts of one proposal', () => {
  it('a revision goes back to the manager; a refusal says why; two accepts of one proposal give one order', async () => {
    const id = await submittedRequest();
    const submitted = await submitProposal(ovh, id, 'ovh-revise-0001');
    await decide(manager, 'approveProposal', { id: submitted.proposal.id });
    const revised = await stack.query(
      ovh,
      'mutation($id: ID!, $input: ProposalTermsInput!) { reviseProposal(id: $id, input: $input, idempotencyKey: "ovh-revise-0002") { proposal { status revision totals { totalExclVat { amount } } } errors { code } } }',
      {
        id: submitted.proposal.id,
        input: {
          ...GUIDE_TERMS,
          lines: [
            { designation: 'Remise exceptionnelle', quantity: '1', listUnitPrice: '10000.00', unitPrice: '9500.00' },
          ],
        },
      },
    );
    expect(revised.data!.reviseProposal).toEqual({
      proposal: { status: 'AWAITING_MANAGER', revision: 1, totals: { totalExclVat: { amount: '9500.00' } } },
      errors: [],
    });

    const other = await submitProposal(outscale, id, 'outscale-refused-0001');
    expect((await decide(beneficiary, 'refuseProposal', { id: other.proposal.id, reason: '' })).errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' }),
    ]);
    expect(
      (await decide(beneficiary, 'refuseProposal', { id: other.proposal.id, reason: 'Hors budget' })).proposal,
    ).toEqual({ status: 'REFUSED' });

    await decide(manager, 'approveProposal', { id: submitted.proposal.id });
    const outcomes = await Promise.all(
      [1, 2].map(() =>
        decide(beneficiary, 'acceptProposal', { id: submitted.proposal.id, cgeAccepted: true, cguAccepted: true }),
      ),
    );
    expect(outcomes.filter((o) => o.errors.length === 0)).toHaveLength(1);
    const [orders] = await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) as count from customer_order where request_id = ?', [id]);
    expect(Number(orders!.count)).toBe(1);
  });
});
