import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '@nuage/gateway';
import type { Identity, RunningHttpService } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { act, deliverInFull, inDays, PEOPLE, submitRequestSolicitingTwoBrands } from '../src/journey.js';
import { ALGORITHM, AUDIENCE, ISSUER } from '../src/keys.js';
import { schemaDir } from '../src/paths.js';
import { graphql } from '@nuage/fixtures/graphql';

/** The walls a new user hit on the guide's journey, each now a behaviour of the gateway. */
let stack: TestStack;
const { beneficiary, manager, ovh, outscale, ugap } = PEOPLE;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

interface Line {
  designation: string;
  quantity: string;
  unitPrice: string;
}

/** A request to OVHcloud and 3DS Outscale, OVHcloud's proposal for these lines approved and accepted; UGAP validates the order. */
async function validatedOrder(
  lines: Line[],
  terms: { commitmentMonths?: number | null; billingPeriod: 'ONE_OFF' | 'MONTHLY' | 'QUARTERLY' | 'ANNUAL' } = {
    commitmentMonths: 12,
    billingPeriod: 'ANNUAL',
  },
) {
  const requestId = await submitRequestSolicitingTwoBrands(stack);
  const proposal = await act(
    stack,
    ovh,
    graphql(
      `mutation($id: ID!, $input: ProposalTermsInput!, $key: String!) { submitProposal(requestId: $id, input: $input, idempotencyKey: $key) { proposal { id } errors { code } } }`,
    ),
    {
      id: requestId,
      key: `defects-${requestId}`,
      input: {
        validUntil: inDays(10),
        billingTiming: 'IN_ADVANCE',
        ...terms,
        lines: lines.map((line) => ({ ...line, listUnitPrice: line.unitPrice })),
      },
    },
  );
  const proposalId = proposal.submitProposal.proposal!.id as string;
  await act(stack, manager, graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
    id: proposalId,
  });
  const accepted = await act(
    stack,
    beneficiary,
    graphql(
      `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { order { id lines { id } } } } errors { code } } }`,
    ),
    { id: proposalId },
  );
  const order = accepted.acceptProposal.proposal!.subscriptionOrder!.order as { id: string; lines: { id: string }[] };
  await act(
    stack,
    ugap,
    `mutation($id: ID!) { validateOrder(id: $id, input: { ugapReference: "UGAP-${requestId.slice(0, 8)}", chorusPurchaseRequestNumber: "1300000555", plannedDeliveryDate: "${inDays(3)}" }) { errors { code } } }`,
    { id: order.id },
  );
  return { requestId, proposalId, order };
}

const ORDER =
  'id status availableActions startDate dueDate lines { id quantityDelivered } schedule { periodStart amountExclVat { amount } }';
const orderMutation = async (
  caller: Identity,
  call: string,
  variables: Record<string, unknown>,
  declarations: string,
) =>
  Object.values(
    (
      await stack.query(
        caller,
        `mutation(${declarations}) { ${call} { order { ${ORDER} } errors { code field message } } }`,
        variables,
      )
    ).data!,
  )[0] as { order: any; errors: { code: string; field: string | null; message: string }[] };
const deliver = (orderId: string, lines: { orderLineId: string; quantity: string }[], key: string) =>
  orderMutation(
    ovh,
    'recordDelivery(orderId: $id, deliveredOn: $on, lines: $lines, idempotencyKey: $key)',
    { id: orderId, on: inDays(0), lines, key },
    '$id: ID!, $on: LocalDate!, $lines: [DeliveredLineInput!]!, $key: String!',
  );
const openServices = (orderId: string, key: string) =>
  orderMutation(
    ovh,
    'declareServicesOpen(orderId: $id, idempotencyKey: $key)',
    { id: orderId, key },
    '$id: ID!, $key: String!',
  );
const validateActivation = (orderId: string) =>
  orderMutation(beneficiary, 'validateActivation(orderId: $id)', { id: orderId }, '$id: ID!');

describe('services open once every line is delivered', () => {
  it('refuses to open services on a partial delivery; the rest stays deliverable and the invoice is the whole delivered order', async () => {
    const { order } = await validatedOrder([
      { designation: 'Hôte dédié SecNumCloud', quantity: '2', unitPrice: '1000.00' },
    ]);
    const line = order.lines[0]!.id;
    const partial = await deliver(order.id, [{ orderLineId: line, quantity: '1' }], 'partial-delivery-1');
    expect(partial.order).toMatchObject({ status: 'TO_DELIVER', lines: [{ quantityDelivered: '1.00' }] });
    // What the supplier may do now is what it can do: deliver the rest, not open the services.
    expect(partial.order.availableActions).toEqual(['RECORD_DELIVERY']);
    const early = await openServices(order.id, 'open-too-early-1');
    expect(early).toMatchObject({ order: null, errors: [{ code: 'INVALID_TRANSITION' }] });
    expect(early.errors[0]!.message).toBe(
      'Impossible de déclarer ouverts les services de cette commande : son statut est « A livrer » ; il faut « Livrée » ou « Mise en service contestée ».',
    );
    const rest = await deliver(order.id, [{ orderLineId: line, quantity: '1' }], 'partial-delivery-2');
    expect(rest.order).toMatchObject({
      status: 'DELIVERED',
      lines: [{ quantityDelivered: '2.00' }],
      availableActions: ['DECLARE_SERVICES_OPEN'],
    });
    expect((await openServices(order.id, 'open-when-delivered-1')).order!.status).toBe('SERVICES_OPENED');
    const activated = await validateActivation(order.id);
    expect(activated.order!.schedule.map((i: { amountExclVat: { amount: string } }) => i.amountExclVat.amount)).toEqual(
      ['2000.00'],
    );
  });
});

describe('a supplier and the buyer of its orders', () => {
  it("reads the name and SIRET of the entity of its own order, and nothing of another brand's", async () => {
    const { order } = await validatedOrder([{ designation: 'Stockage objet', quantity: '1', unitPrice: '100.00' }]);
    const seen = async (caller: Identity) =>
      (
        await stack.query(
          caller,
          graphql(`{ orders(first: 100) { edges { node { id beneficiaryEntity { name siret } } } } }`),
        )
      ).data!.orders!.edges.map((e) => e.node);
    expect(await seen(ovh)).toContainEqual({
      id: order.id,
      beneficiaryEntity: { name: 'Entité de démonstration', siret: '13002526500013' },
    });
    expect((await seen(PEOPLE.aws)).map((o) => o.id)).not.toContain(order.id);
    // The entity's team stays its own: the supplier gets null and an error on that field only.
    const team = await stack.query(
      ovh,
      graphql(`query($id: ID!) { beneficiaryEntity(id: $id) { name people { name } } }`),
      {
        id: beneficiary.entityId!,
      },
    );
    expect(team.data).toEqual({ beneficiaryEntity: { name: 'Entité de démonstration', people: null } });
    expect(team.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['beneficiaryEntity', 'people'], 'FORBIDDEN'],
    ]);
  });
});

describe('requests to answer', () => {
  const toAnswer = async (caller: Identity, includeClosed = false) =>
    (
      await stack.query(
        caller,
        graphql(
          `query($all: Boolean!) { requestsToAnswer(first: 100, includeClosed: $all) { edges { node { request { id } closedAt } } } }`,
        ),
        { all: includeClosed },
      )
    ).data!.requestsToAnswer!.edges.map((e) => e.node.request!.id);

  it('leave the list once the request is ordered, or once the brand’s proposal is refused; a filter still shows them', async () => {
    const refusedOne = await submitRequestSolicitingTwoBrands(stack);
    const proposal = await act(
      stack,
      outscale,
      `mutation($id: ID!, $key: String!) { submitProposal(requestId: $id, idempotencyKey: $key, input: { validUntil: "${inDays(5)}", billingPeriod: ONE_OFF, billingTiming: IN_ADVANCE, lines: [{ designation: "Audit", quantity: "1", listUnitPrice: "500.00", unitPrice: "500.00" }] }) { proposal { id } errors { code } } }`,
      { id: refusedOne, key: `refused-${refusedOne}` },
    );
    expect(await toAnswer(outscale)).toContain(refusedOne);
    await act(
      stack,
      beneficiary,
      graphql(`mutation($id: ID!) { refuseProposal(id: $id, reason: "Hors budget") { errors { code } } }`),
      { id: proposal.submitProposal.proposal.id },
    );
    expect(await toAnswer(outscale)).not.toContain(refusedOne);
    expect(await toAnswer(ovh)).toContain(refusedOne);
    expect(await toAnswer(outscale, true)).toContain(refusedOne);

    const { requestId } = await validatedOrder([{ designation: 'Calcul', quantity: '1', unitPrice: '100.00' }]);
    for (const brand of [ovh, outscale]) {
      expect(await toAnswer(brand)).not.toContain(requestId);
      expect(await toAnswer(brand, true)).toContain(requestId);
    }
  });
});

describe('renewals', () => {
  it('start the day after the due date of the line they renew, and take that line out of the renewal candidates', async () => {
    const { order } = await validatedOrder([
      { designation: 'Abonnement 12 mois', quantity: '1', unitPrice: '1200.00' },
    ]);
    await deliverInFull(stack, order.id);
    await openServices(order.id, `open-${order.id}`);
    const first = (await validateActivation(order.id)).order;
    expect(first).toMatchObject({ status: 'ACTIVATED', startDate: inDays(0) });
    const candidates = async () =>
      (
        await stack.query(beneficiary, graphql(`{ renewalCandidates { projects { lines { id } } } }`))
      ).data!.renewalCandidates!.projects.flatMap((p) => p.lines.map((l) => l.id));
    expect(await candidates()).toContain(order.lines[0]!.id);

    const { data: project } = await stack.query(
      beneficiary,
      graphql(
        `{ orders(first: 100) { edges { node { id projectName } } } projects(first: 100) { edges { node { id codeName } } } }`,
      ),
    );
    const projectName = project!.orders!.edges.find((e) => e.node.id === order.id)!.node.projectName;
    const projectId = project!.projects!.edges.find((e) => e.node.codeName === projectName)!.node.id;
    const draft = await act(
      stack,
      beneficiary,
      graphql(
        `mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id solutions { brand { name } } } errors { code field } } }`,
      ),
      {
        input: {
          kind: 'RENEWAL',
          project: { id: projectId },
          items: [{ orderId: order.id, orderLineId: order.lines[0]!.id, quantity: '1' }],
          need: { desiredStartDate: inDays(30), durationYears: 1, text: 'Renouvellement de l’abonnement pour un an.' },
        },
      },
    );
    expect(draft.createRequestDraft.request!.solutions).toEqual([{ brand: { name: 'OVHCLOUD' } }]);
    const renewalId = draft.createRequestDraft.request!.id as string;
    await act(stack, beneficiary, graphql(`mutation($id: ID!) { submitRequest(id: $id) { errors { code } } }`), {
      id: renewalId,
    });
    const proposal = await act(
      stack,
      ovh,
      `mutation($id: ID!, $key: String!) { submitProposal(requestId: $id, idempotencyKey: $key, input: { validUntil: "${inDays(10)}", commitmentMonths: 12, billingPeriod: ANNUAL, billingTiming: IN_ADVANCE, lines: [{ designation: "Abonnement 12 mois (renouvellement)", quantity: "1", listUnitPrice: "1200.00", unitPrice: "1200.00" }] }) { proposal { id } errors { code } } }`,
      { id: renewalId, key: `renewal-${renewalId}` },
    );
    const proposalId = proposal.submitProposal.proposal.id;
    await act(stack, manager, graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
      id: proposalId,
    });
    const accepted = await act(
      stack,
      beneficiary,
      graphql(
        `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { order { id } } } errors { code } } }`,
      ),
      { id: proposalId },
    );
    const renewal = accepted.acceptProposal.proposal!.subscriptionOrder!.order.id as string;
    expect(await candidates()).not.toContain(order.lines[0]!.id);
    await act(
      stack,
      ugap,
      `mutation($id: ID!) { validateOrder(id: $id, input: { ugapReference: "UGAP-RENEW", chorusPurchaseRequestNumber: "1300000556", plannedDeliveryDate: "${inDays(3)}" }) { errors { code } } }`,
      { id: renewal },
    );
    await deliverInFull(stack, renewal);
    await openServices(renewal, `open-${renewal}`);
    // Activated early by the supplier, it still starts when the running subscription ends.
    const activated = (await validateActivation(renewal)).order;
    const dayAfterDue = new Date(Date.parse(`${first.dueDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(activated.startDate).toBe(dayAfterDue);
    expect(activated.schedule[0].periodStart).toBe(dayAfterDue);
  });

  it('of credits: the buyer states the amount on an order line and converts it into a subscription order, approved by the manager, without a supplier proposal', async () => {
    const { order } = await validatedOrder(
      [{ designation: 'Crédits cloud OVHcloud', quantity: '1', unitPrice: '5000.00' }],
      { commitmentMonths: 12, billingPeriod: 'ONE_OFF' },
    );
    await deliverInFull(stack, order.id);
    await openServices(order.id, `open-${order.id}`);
    await validateActivation(order.id);
    await stack.settle();
    const committed = async () =>
      (
        await stack.query(
          beneficiary,
          graphql(`{ orders(first: 100) { edges { node { id consumption { committed { amount } } } } } }`),
        )
      ).data!.orders!.edges.find((e) => e.node.id === order.id)!.node.consumption!.committed.amount;
    expect(await committed()).toBe('5000.00');

    const RENEW =
      'mutation($line: ID!, $amount: Decimal!) { renewCredits(orderLineId: $line, amount: $amount) { proposal { id number status origin availableActions totals { totalExclVat { amount } totalInclVat { amount } } } errors { code field } } }';
    expect(
      (await stack.query(beneficiary, RENEW, { line: order.lines[0]!.id, amount: '-1' })).data!.renewCredits,
    ).toEqual({ proposal: null, errors: [{ code: 'BAD_USER_INPUT', field: 'amount' }] });
    expect(
      (await stack.query(ovh, RENEW, { line: order.lines[0]!.id, amount: '3000.00' })).data!.renewCredits!.errors,
    ).toEqual([{ code: 'FORBIDDEN', field: null }]);
    const stated = (await stack.query(beneficiary, RENEW, { line: order.lines[0]!.id, amount: '3000.00' })).data!
      .renewCredits;
    expect(stated).toMatchObject({
      errors: [],
      proposal: {
        number: expect.stringMatching(/^DC\d{6}$/),
        status: 'AWAITING_MANAGER',
        origin: 'BUYER_CREDITS',
        availableActions: ['REFUSE_PROPOSAL'],
        totals: { totalExclVat: { amount: '3000.00' }, totalInclVat: { amount: '3600.00' } },
      },
    });
    const proposalId = stated.proposal.id;
    // The usual approval rule: the manager first.
    const early = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { errors { code } } }`,
      ),
      { id: proposalId },
    );
    expect(early.data!.acceptProposal!.errors).toEqual([{ code: 'INVALID_TRANSITION' }]);
    await act(stack, manager, graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
      id: proposalId,
    });
    const accepted = await act(
      stack,
      beneficiary,
      graphql(
        `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { number order { id } } } errors { code } } }`,
      ),
      { id: proposalId },
    );
    expect(accepted.acceptProposal.proposal!.subscriptionOrder!.number).toMatch(/^BS\d{6}$/);
    const credits = accepted.acceptProposal.proposal!.subscriptionOrder!.order.id as string;
    await act(
      stack,
      ugap,
      `mutation($id: ID!) { validateOrder(id: $id, input: { ugapReference: "UGAP-CREDITS", chorusPurchaseRequestNumber: "1300000557", plannedDeliveryDate: "${inDays(3)}" }) { errors { code } } }`,
      { id: credits },
    );
    await deliverInFull(stack, credits);
    await openServices(credits, `open-${credits}`);
    expect((await validateActivation(credits)).order!.startDate).toBe(inDays(0));
    await stack.settle();
    // The credits top up the line they were stated on: its usage goes on counting against the larger commitment.
    expect(await committed()).toBe('8000.00');
  });
});

describe('the consumption forecast', () => {
  it('waits for a week of history: after one day of heavy usage it proposes nothing and raises no forecast alert', async () => {
    const { order } = await validatedOrder([{ designation: 'Crédits cloud', quantity: '1', unitPrice: '1000.00' }]);
    await deliverInFull(stack, order.id);
    await openServices(order.id, `open-${order.id}`);
    await validateActivation(order.id);
    await stack.settle();
    const today = inDays(0);
    await act(
      stack,
      ovh,
      graphql(
        `mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted } errors { code } } }`,
      ),
      {
        lines: [
          {
            lineId: `burst-${order.id}`,
            orderLineId: order.lines[0]!.id,
            chargePeriodStart: `${today}T00:00:00Z`,
            chargePeriodEnd: `${today}T01:00:00Z`,
            serviceName: 'Calcul',
            serviceCategory: 'Compute',
            consumedQuantity: '1',
            consumedUnit: 'Hours',
            billedCost: '850.00',
            effectiveCost: '850.00',
            currency: 'EUR',
          },
        ],
      },
    );
    const { data } = await stack.query(
      beneficiary,
      graphql(
        `{ orders(first: 100) { edges { node { id consumption { percentUsed forecastConfidence forecastNote forecastExhaustionDate runsOutBeforeDue proposedRenewal { amount } } } } } consumptionAlerts(first: 100) { edges { node { kind orderLine { id designation } proposedRenewal { amount } } } } }`,
      ),
    );
    const figures = data!.orders!.edges.find((e) => e.node.id === order.id)!.node.consumption;
    expect(figures).toEqual({
      percentUsed: '85.00',
      forecastConfidence: 'NONE',
      forecastNote: "Pas encore de prévision : 1 jour(s) d'historique, il en faut 7.",
      forecastExhaustionDate: null,
      runsOutBeforeDue: false,
      proposedRenewal: null,
    });
    // The 80 % threshold is crossed; the alert resolves its order line through the gateway.
    const alerts = data!
      .consumptionAlerts!.edges.map((e) => e.node)
      .filter((a) => a.orderLine.id === order.lines[0]!.id);
    expect(alerts).toEqual([
      { kind: 'THRESHOLD', orderLine: { id: order.lines[0]!.id, designation: 'Crédits cloud' }, proposedRenewal: null },
    ]);
  });
});

describe('uploads', () => {
  const upload = async (body: Buffer, contentType: string, fileName: string) => {
    const response = await fetch(new URL('/uploads/requests/documents', stack.gatewayUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.tokenFor(beneficiary)}`,
        'content-type': contentType,
        'x-file-name': fileName,
      },
      body: new Uint8Array(body),
    });
    return { status: response.status, body: await response.json() };
  };

  it('check the content against the declared type, refuse a badly encoded name with a reason, and serve files as what they are', async () => {
    const notPdf = await upload(Buffer.from('MZ\x90\x00 this is no PDF'), 'application/pdf', 'devis.pdf');
    expect(notPdf).toEqual({
      status: 400,
      body: {
        error: {
          code: 'BAD_USER_INPUT',
          field: 'body',
          message: 'Le contenu du fichier ne correspond pas au type déclaré (application/pdf).',
        },
      },
    });
    const textAsPng = await upload(Buffer.from('hello'), 'image/png', 'capture.png');
    expect(textAsPng.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const badName = await upload(Buffer.from('bonjour'), 'text/plain', '100%.txt');
    expect(badName).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'x-file-name' } } });
    const binaryAsText = await upload(Buffer.from([0x00, 0x01, 0x02, 0xff]), 'text/plain', 'notes.txt');
    expect(binaryAsText.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });

    const pdf = await upload(
      Buffer.from('%PDF-1.4\n% cahier des charges\n'),
      'application/pdf',
      encodeURIComponent('100% cahier.pdf'),
    );
    expect(pdf).toMatchObject({ status: 201, body: { fileName: '100% cahier.pdf', contentType: 'application/pdf' } });
    const download = await fetch(new URL(`/downloads/requests/documents/${pdf.body.id}`, stack.gatewayUrl), {
      headers: { authorization: `Bearer ${await stack.tokenFor(beneficiary)}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('answers that survive a refusal', () => {
  it('keep the rest of a query when one root field is refused or not found', async () => {
    const refused = await stack.query(beneficiary, graphql(`{ me { name } spendByMonth(dimension: BRAND) { key } }`));
    expect(refused.data).toEqual({ me: { name: 'Clara Maurice' }, spendByMonth: null });
    expect(refused.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['spendByMonth'], 'FORBIDDEN']]);
    const otherFile = await submitRequestSolicitingTwoBrands(stack);
    const hidden = await stack.query(PEOPLE.aws, graphql(`query($id: ID!) { me { name } request(id: $id) { id } }`), {
      id: otherFile,
    });
    expect(hidden.data).toEqual({ me: { name: expect.any(String) }, request: null });
    expect(hidden.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['request'], 'NOT_FOUND']]);
  });

  it('report every refused mutation in its payload, FORBIDDEN included', async () => {
    const { data, errors } = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!) { validateOrder(id: $id, input: { ugapReference: "NOPE", chorusPurchaseRequestNumber: "1300000000", plannedDeliveryDate: "2030-01-01" }) { order { id } errors { code message } } }`,
      ),
      { id: beneficiary.entityId! },
    );
    expect(errors).toBeUndefined();
    expect(data!.validateOrder).toEqual({
      order: null,
      errors: [{ code: 'FORBIDDEN', message: 'Réservé aux rôles : UGAP ; votre rôle : bénéficiaire.' }],
    });
  });
});

describe('messages in the reader’s language', () => {
  it('are French by default and English on request, with French dates', async () => {
    const query = 'mutation { submitRequest(id: "00000000-0000-4000-8000-000000000000") { errors { code message } } }';
    const french = await stack.query(beneficiary, query);
    expect(french.data!.submitRequest!.errors).toEqual([{ code: 'NOT_FOUND', message: 'La demande est introuvable.' }]);
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en-GB,en;q=0.9',
        authorization: `Bearer ${await stack.tokenFor(beneficiary)}`,
      },
      body: JSON.stringify({ query }),
    });
    expect((await response.json()).data.submitRequest.errors).toEqual([
      { code: 'NOT_FOUND', message: 'The request was not found.' },
    ]);
    // A date in a message is written the French way.
    const late = await submitRequestSolicitingTwoBrands(stack);
    const submitted = await act(
      stack,
      ovh,
      `mutation($id: ID!, $key: String!) { submitProposal(requestId: $id, idempotencyKey: $key, input: { validUntil: "${inDays(1)}", billingPeriod: ONE_OFF, billingTiming: IN_ADVANCE, lines: [{ designation: "Audit", quantity: "1", listUnitPrice: "10.00", unitPrice: "10.00" }] }) { proposal { id } errors { code } } }`,
      { id: late, key: `late-${late}` },
    );
    const expired = submitted.submitProposal.proposal.id;
    await act(stack, manager, graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
      id: expired,
    });
    await stack.subgraphs.ordering.orm.em
      .getConnection()
      .execute('update proposal set valid_until = ? where id = ?', ['2026-11-16', expired]);
    const refused = await stack.query(
      beneficiary,
      graphql(
        `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { errors { message } } }`,
      ),
      { id: expired },
    );
    expect(refused.data!.acceptProposal!.errors[0]!.message).toBe(
      'Cette proposition a expiré le 16/11/2026 ; demandez-en une révision au fournisseur.',
    );
  });
});

describe('errors that are not the caller’s', () => {
  it('refuse a malformed id as bad input, naming the field, with no database text', async () => {
    const { data, errors } = await stack.query(beneficiary, graphql(`{ me { name } request(id: "x") { id } }`));
    expect(data).toEqual({ me: { name: 'Clara Maurice' }, request: null });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['request'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id', requestId: expect.any(String) }),
      }),
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/uuid|syntax/);
  });

  it('give SERVICE_UNAVAILABLE on the fields of a stopped subgraph, with their path, and the rest of the answer', async () => {
    await validatedOrder([{ designation: 'Stockage', quantity: '1', unitPrice: '10.00' }]);
    const keysDir = join(stack.dataDir, 'auth');
    const urls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, running]) => [name, running.url]));
    const gateway: RunningHttpService = await startGateway({
      port: 0,
      supergraphPath: join(schemaDir, 'supergraph.graphql'),
      subgraphUrls: { ...urls, consumption: 'http://127.0.0.1:9/graphql' },
      auth: {
        publicKeyPem: readFileSync(join(keysDir, 'jwt-public.pem'), 'utf8'),
        algorithm: ALGORITHM,
        issuer: ISSUER,
        audience: AUDIENCE,
      },
      keys: stack.keys,
    });
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.tokenFor(beneficiary)}` },
        body: JSON.stringify({
          query:
            '{ me { name } consumptionAlerts { totalCount } orders(first: 1) { edges { node { status consumption { percentUsed } } } } }',
        }),
      });
      const body = await response.json();
      expect(body.data).toEqual({
        me: { name: 'Clara Maurice' },
        consumptionAlerts: null,
        orders: { edges: [{ node: { status: expect.any(String), consumption: null } }] },
      });
      const paths = body.errors.map((e: { path: unknown; extensions: { code: string } }) => [
        e.path,
        e.extensions.code,
      ]);
      expect(paths).toEqual(
        expect.arrayContaining([
          [['consumptionAlerts'], 'SERVICE_UNAVAILABLE'],
          [['orders', 'edges', 0, 'node', 'consumption'], 'SERVICE_UNAVAILABLE'],
        ]),
      );
      expect(body.errors[0].message).toBe(
        'Le service consumption est indisponible pour le moment ; réessayez dans un instant.',
      );
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await gateway.close();
    }
  });
});
