import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';
import { PEOPLE, act, inDays, submitRequestSolicitingTwoBrands } from '../src/journey.js';

/** Who did what and when on a purchase: each owner's history, and the file's timeline through federation. */
const { beneficiary, manager, ovh, outscale, aws, ugap, holder, stranger } = PEOPLE;
let stack: TestStack;

const ENTRY = graphql(`
  fragment Entry on HistoryEntry {
    subjectType subjectReference action fromStatus toStatus actorName actorRole comment summary changes { field from to } at
  }
`);
const SUBMIT = graphql(`
  mutation Submit($id: ID!, $input: ProposalTermsInput!, $key: String!) {
    submitProposal(requestId: $id, input: $input, idempotencyKey: $key) { proposal { id } errors { code } }
  }
`);
const TERMS = (unitPrice: string): VariablesOf<typeof SUBMIT>['input'] => ({
  validUntil: inDays(10),
  commitmentMonths: 12,
  billingPeriod: 'ANNUAL',
  billingTiming: 'IN_ADVANCE',
  lines: [
    {
      productCode: '145897',
      designation: 'OVH Private Cloud SecNumCloud',
      quantity: '1',
      listUnitPrice: '10000.00',
      unitPrice,
    },
  ],
});
let requestId = '';
let orderId = '';
let incidentId = '';

const submit = (supplier: Identity, key: string, unitPrice: string) =>
  act(stack, supplier, SUBMIT, { id: requestId, input: TERMS(unitPrice), key });

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  requestId = await submitRequestSolicitingTwoBrands(stack);
  await act(
    stack,
    beneficiary,
    graphql(
      `mutation Ref($id: ID!) { setRequestReference(id: $id, myReference: "MARCHE-2026-17") { errors { code } } }`,
    ),
    { id: requestId },
  );
  const ovhProposal = (await submit(ovh, 'hist-ovh-1', '9690.00')).submitProposal.proposal!.id;
  await submit(outscale, 'hist-outscale-1', '9800.00');
  await act(
    stack,
    ovh,
    graphql(`
      mutation Revise($id: ID!, $input: ProposalTermsInput!) { reviseProposal(id: $id, input: $input, idempotencyKey: "hist-ovh-2") { errors { code } } }
    `),
    { id: ovhProposal, input: TERMS('9500.00') },
  );
  await act(
    stack,
    manager,
    graphql(
      `mutation Approve($id: ID!) { approveProposal(id: $id, comment: "Budget disponible") { errors { code } } }`,
    ),
    { id: ovhProposal },
  );
  const accepted = await act(
    stack,
    beneficiary,
    graphql(`
      mutation Accept($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { orderId } } errors { code } } }
    `),
    { id: ovhProposal },
  );
  orderId = accepted.acceptProposal.proposal!.subscriptionOrder!.orderId;
  const validated = await act(
    stack,
    ugap,
    graphql(`
      mutation Validate($id: ID!, $date: LocalDate!) {
        validateOrder(id: $id, input: { ugapReference: "UGAP-HIST-1", chorusPurchaseRequestNumber: "1300000077", plannedDeliveryDate: $date }) { order { lines { id } } errors { code } }
      }
    `),
    { id: orderId, date: inDays(3) },
  );
  const lines = validated.validateOrder.order!.lines.map((line) => ({
    orderLineId: line.id,
    quantity: '1',
  }));
  await act(
    stack,
    ovh,
    graphql(`
      mutation Deliver($id: ID!, $day: LocalDate!, $lines: [DeliveredLineInput!]!) {
        recordDelivery(orderId: $id, deliveredOn: $day, lines: $lines, idempotencyKey: "hist-delivery-1") { errors { code } }
      }
    `),
    { id: orderId, day: inDays(0), lines },
  );
  await act(
    stack,
    ovh,
    graphql(
      `mutation Open($id: ID!) { declareServicesOpen(orderId: $id, idempotencyKey: "hist-open-1") { errors { code } } }`,
    ),
    { id: orderId },
  );
  await act(
    stack,
    beneficiary,
    graphql(`mutation Activate($id: ID!) { validateActivation(orderId: $id) { errors { code } } }`),
    { id: orderId },
  );
  const declared = await act(
    stack,
    beneficiary,
    graphql(`
      mutation Declare($id: ID!) {
        declareIncident(input: { orderId: $id, typeCode: "INVOICING", description: "La facture ne correspond pas" }) { incident { id } errors { code } }
      }
    `),
    { id: orderId },
  );
  incidentId = declared.declareIncident.incident!.id;
  await act(
    stack,
    holder,
    graphql(
      `mutation Take($id: ID!) { moveIncident(id: $id, transition: TAKE_IN_CHARGE, comment: "Nous regardons") { errors { code } } }`,
    ),
    { id: incidentId },
  );
});
afterAll(() => stack?.close());

const TIMELINE = graphql(`query Timeline($id: ID!) { request(id: $id) { timeline { ...Entry } } }`, [ENTRY]);
const timelineOf = (identity: Identity) => stack.query(identity, TIMELINE, { id: requestId });

describe("a file's timeline", () => {
  it('tells the whole story in time order, through federation: request, proposals, subscription order, order, activation, invoices, incident', async () => {
    const { data, errors } = await timelineOf(beneficiary);
    expect(errors).toBeUndefined();
    const timeline = data!.request!.timeline;
    const times = timeline.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const steps = timeline.map((e) => `${e.subjectType}:${e.action}`);
    for (const step of [
      'REQUEST:create',
      'REQUEST:submit',
      'REQUEST:edit',
      'PROPOSAL:submit',
      'PROPOSAL:revise',
      'PROPOSAL:approve',
      'PROPOSAL:accept',
      'PROPOSAL:close',
      'SUBSCRIPTION_ORDER:issue',
      'ORDER:place',
      'ORDER:validate',
      'DELIVERY:issue',
      'ORDER:deliverAll',
      'ACTIVATION:openServices',
      'ACTIVATION:validateActivation',
      'INVOICE:schedule',
      'INCIDENT:declare',
      'INCIDENT:takeInCharge',
    ]) {
      expect(steps).toContain(step);
    }
    expect(steps.indexOf('PROPOSAL:approve')).toBeLessThan(steps.indexOf('PROPOSAL:accept'));
    expect(steps.indexOf('ORDER:validate')).toBeLessThan(steps.indexOf('ACTIVATION:validateActivation'));
    expect(timeline.find((e) => e.action === 'approve')).toMatchObject({
      actorName: manager.name,
      actorRole: 'MANAGER',
      comment: 'Budget disponible',
      fromStatus: 'AWAITING_MANAGER',
      toStatus: 'APPROVED',
    });
    expect(timeline.find((e) => e.subjectType === 'PROPOSAL' && e.action === 'close')).toMatchObject({
      actorRole: 'SYSTEM',
      actorName: 'Système',
    });
  });

  it("says what an edit changed, in the caller's language", async () => {
    const { data } = await timelineOf(beneficiary);
    const edit = data!.request!.timeline.find((e) => e.subjectType === 'REQUEST' && e.action === 'edit')!;
    expect(edit.changes).toEqual([{ field: 'myReference', from: null, to: 'MARCHE-2026-17' }]);
    const revision = data!.request!.timeline.find((e) => e.action === 'revise')!;
    expect(revision.changes).toEqual([
      expect.objectContaining({
        field: 'lines',
        from: expect.stringContaining('9690'),
        to: expect.stringContaining('9500'),
      }),
    ]);
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        authorization: `Bearer ${await stack.tokenFor(beneficiary)}`,
      },
      body: JSON.stringify({ query: `{ request(id: "${requestId}") { timeline { action summary } } }` }),
    });
    const english = (await response.json()) as {
      data: { request: { timeline: { action: string; summary: string }[] } };
    };
    expect(english.data.request.timeline.find((e) => e.action === 'approve')!.summary).toMatch(
      /^Proposal DC\d+: Awaiting manager → Approved by the manager$/,
    );
    expect(revision.summary).toMatch(/^Proposition commerciale DC\d+/);
  });

  it('shows a supplier the steps of the request and of its own brand only', async () => {
    const { data } = await timelineOf(outscale);
    const entries = data!.request!.timeline;
    expect(entries.some((e) => e.subjectType === 'REQUEST')).toBe(true);
    expect(entries.filter((e) => e.subjectType === 'PROPOSAL').map((e) => e.action)).toEqual(['submit', 'close']);
    expect(
      entries.some((e) => ['ORDER', 'ACTIVATION', 'INVOICE', 'INCIDENT', 'SUBSCRIPTION_ORDER'].includes(e.subjectType)),
    ).toBe(false);
  });

  it('shows nothing to a buyer of another entity, nor to a brand the file does not solicit', async () => {
    for (const outsider of [stranger, aws]) {
      const { data, errors } = await timelineOf(outsider);
      expect(data?.request ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const { data } = await stack.query(
      aws,
      graphql(`
        query Others { orders(first: 50) { edges { node { history { action } } } } proposals(first: 50) { edges { node { history { action } } } } }
      `),
    );
    expect(data).toEqual({ orders: { edges: [] }, proposals: { edges: [] } });
  });
});

describe('each owner keeps its history', () => {
  it('on proposals, subscription orders, orders (activation included), invoices and incidents', async () => {
    const { data, errors } = await stack.query(
      beneficiary,
      graphql(
        `query Owners {
          orders(first: 10) { edges { node { id history { ...Entry } schedule { history { action subjectType } } proposal { history { action } subscriptionOrder { history { action subjectType } } } incidents { history { action actorRole comment } } } } }
        }`,
        [ENTRY],
      ),
    );
    expect(errors).toBeUndefined();
    const order = data!.orders!.edges.map((e) => e.node).find((o) => o.id === orderId)!;
    expect(order.history.map((e) => `${e.subjectType}:${e.action}`)).toEqual([
      'ORDER:place',
      'ORDER:validate',
      'ORDER:deliverAll',
      'ACTIVATION:openServices',
      'ACTIVATION:validateActivation',
    ]);
    expect(order.history[1]).toMatchObject({
      actorRole: 'UGAP',
      fromStatus: 'AWAITING_VALIDATION',
      toStatus: 'TO_DELIVER',
    });
    expect(order.history[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'ugapReference', from: null, to: 'UGAP-HIST-1' },
        { field: 'chorusPurchaseRequestNumber', from: null, to: '1300000077' },
      ]),
    );
    const { data: delivered } = await stack.query(
      ovh,
      graphql(
        `query Deliveries { deliveries(first: 10) { edges { node { number history { action subjectType actorRole } } } } }`,
      ),
    );
    expect(delivered!.deliveries!.edges[0]!.node.history).toEqual([
      { action: 'issue', subjectType: 'DELIVERY', actorRole: 'SUPPLIER' },
    ]);
    expect(order.schedule.length).toBeGreaterThan(0);
    expect(order.schedule[0]!.history).toEqual([{ action: 'schedule', subjectType: 'INVOICE' }]);
    expect(order.proposal!.history.map((e) => e.action)).toEqual(['submit', 'revise', 'approve', 'accept']);
    expect(order.proposal!.subscriptionOrder!.history).toEqual([
      { action: 'issue', subjectType: 'SUBSCRIPTION_ORDER' },
    ]);
    expect(order.incidents[0]!.history).toEqual([
      { action: 'declare', actorRole: 'BENEFICIARY', comment: 'La facture ne correspond pas' },
      { action: 'takeInCharge', actorRole: 'MARKET_HOLDER', comment: 'Nous regardons' },
    ]);
  });

  it('never edits nor deletes an entry, even from SQL', async () => {
    const connection = stack.subgraphs.ordering.orm.em.getConnection();
    await expect(connection.execute("update history_entry set comment = 'réécrit'")).rejects.toThrow(
      /never edited or deleted/,
    );
    await expect(connection.execute('delete from history_entry')).rejects.toThrow(/never edited or deleted/);
    const [row] = await connection.execute<{ count: string }[]>('select count(*) from history_entry');
    expect(Number(row!.count)).toBeGreaterThan(10);
  });
});
