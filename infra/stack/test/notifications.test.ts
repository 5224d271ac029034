import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { graphql } from '@nuage/fixtures/graphql';
import { PEOPLE, act, inDays, submitRequestSolicitingTwoBrands, deliverInFull } from '../src/journey.js';

/** Never miss a step that waits on you: notifications from the file's events, per person. */
const { beneficiary, manager, ovh, outscale, aws, ugap, holder, stranger } = PEOPLE;
let stack: TestStack;
let orderReference = '';
let requestId = '';

const INBOX = graphql(`
  query Inbox {
    notifications(first: 50) { edges { node { id kind kindLabel title read reference subjectType request { id fileNumber } } } }
    notificationCount { total unread }
  }
`);
const inbox = async (identity: Identity) => {
  const data = await act(stack, identity, INBOX);
  return { items: data.notifications!.edges.map((e) => e.node), count: data.notificationCount! };
};
const kinds = async (identity: Identity) => (await inbox(identity)).items.map((n) => n.kind).sort();

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  requestId = await submitRequestSolicitingTwoBrands(stack);
  const submitted = await act(
    stack,
    ovh,
    graphql(`
      mutation Submit($id: ID!, $validUntil: LocalDate!) {
        submitProposal(requestId: $id, idempotencyKey: "notif-ovh-1", input: {
          validUntil: $validUntil, commitmentMonths: 12, billingPeriod: ANNUAL, billingTiming: IN_ADVANCE,
          lines: [{ designation: "OVH Private Cloud SecNumCloud", quantity: "1", listUnitPrice: "10000.00", unitPrice: "9690.00" }] }
        ) { proposal { id } errors { code } }
      }
    `),
    { id: requestId, validUntil: inDays(10) },
  );
  const proposalId = submitted.submitProposal.proposal!.id;
  await act(stack, manager, graphql(`mutation Approve($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
    id: proposalId,
  });
  const accepted = await act(
    stack,
    beneficiary,
    graphql(`
      mutation Accept($id: ID!) {
        acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { order { id reference } } } errors { code } }
      }
    `),
    { id: proposalId },
  );
  const order = accepted.acceptProposal.proposal!.subscriptionOrder!.order;
  orderReference = order.reference;
  await act(
    stack,
    ugap,
    graphql(`
      mutation Validate($id: ID!, $date: LocalDate!) {
        validateOrder(id: $id, input: { ugapReference: "UGAP-NOTIF", chorusPurchaseRequestNumber: "1300000099", plannedDeliveryDate: $date }) { errors { code } }
      }
    `),
    { id: order.id, date: inDays(3) },
  );
  const delay = await act(
    stack,
    beneficiary,
    graphql(`
      mutation Delay($id: ID!, $date: LocalDate!) {
        requestDelay(orderId: $id, requestedDate: $date, reason: "Salle serveur en travaux") { delayRequest { id } errors { code } }
      }
    `),
    { id: order.id, date: inDays(6) },
  );
  await act(
    stack,
    ovh,
    graphql(
      `mutation Answer($id: ID!) { answerDelayRequest(id: $id, accept: true, answer: "Accordé") { errors { code } } }`,
    ),
    { id: delay.requestDelay.delayRequest!.id },
  );
  await deliverInFull(stack, order.id);
  await act(
    stack,
    ovh,
    graphql(
      `mutation Open($id: ID!) { declareServicesOpen(orderId: $id, idempotencyKey: "notif-open-1") { errors { code } } }`,
    ),
    { id: order.id },
  );
  await act(
    stack,
    beneficiary,
    graphql(`mutation Activate($id: ID!) { validateActivation(orderId: $id) { errors { code } } }`),
    { id: order.id },
  );
  const declared = await act(
    stack,
    beneficiary,
    graphql(`
      mutation Declare($id: ID!) {
        declareIncident(input: { orderId: $id, typeCode: "INVOICING", description: "Montant de facture erroné" }) { incident { id } errors { code } }
      }
    `),
    { id: order.id },
  );
  await act(
    stack,
    holder,
    graphql(`mutation Take($id: ID!) { moveIncident(id: $id, transition: TAKE_IN_CHARGE) { errors { code } } }`),
    { id: declared.declareIncident.incident!.id },
  );
  // The subscription started ten days ago (as the ordering subgraph would have said then), and
  // 85 % of the commitment was consumed over the last eight: the 80 % threshold is crossed, and with
  // a week of history the forecast says it runs out before its term.
  const withLines = (
    await act(stack, beneficiary, graphql(`query Orders { orders(first: 10) { edges { node { id lines { id } } } } }`))
  ).orders!.edges[0]!.node;
  await stack.subgraphs.consumption.orm.em
    .getConnection()
    .execute('update commitment set start_date = current_date - 10 where order_id = ?', [order.id]);
  const day = (ago: number) => inDays(-ago);
  const PUSH = graphql(
    `mutation Push($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted } } }`,
  );
  await act(stack, ovh, PUSH, {
    lines: Array.from({ length: 8 }, (_, ago) => ({
      lineId: `notif-usage-${ago}`,
      orderLineId: withLines.lines[0]!.id,
      chargePeriodStart: `${day(ago)}T00:00:00Z`,
      chargePeriodEnd: `${day(ago)}T01:00:00Z`,
      serviceName: 'OVH Private Cloud',
      serviceCategory: 'Compute',
      consumedQuantity: '1',
      consumedUnit: 'Hours',
      billedCost: '1029.57',
      effectiveCost: '1029.57',
      currency: 'EUR',
    })),
  });
});
afterAll(() => stack?.close());

describe('notifications', () => {
  it('tell each person what waits on them, linking to the file', async () => {
    // Two consumption alerts: 80 % crossed, and at this pace the commitment runs out before its term.
    expect(await kinds(beneficiary)).toEqual([
      'CONSUMPTION_ALERT',
      'CONSUMPTION_ALERT',
      'DELAY_ANSWERED',
      'DELIVERY_RECORDED',
      'INCIDENT_UPDATED',
      'ORDER_VALIDATED',
      'PROPOSAL_APPROVED',
      'PROPOSAL_RECEIVED',
      'SERVICES_OPENED',
    ]);
    // The beneficiary asked for the delay and declared the incident: the manager hears of both.
    expect(await kinds(manager)).toEqual([
      'APPROVAL_REQUESTED',
      'CONSUMPTION_ALERT',
      'CONSUMPTION_ALERT',
      'DELAY_ANSWERED',
      'DELAY_REQUESTED',
      'DELIVERY_RECORDED',
      'INCIDENT_OPENED',
      'INCIDENT_UPDATED',
      'ORDER_VALIDATED',
      'SERVICES_OPENED',
    ]);
    // The supplier, from the request to answer to the activation its buyer validated.
    expect(await kinds(ovh)).toEqual([
      'ACTIVATION_VALIDATED',
      'DELAY_REQUESTED',
      'INCIDENT_OPENED',
      'INCIDENT_UPDATED',
      'ORDER_VALIDATED',
      'PROPOSAL_ACCEPTED',
      'PROPOSAL_APPROVED',
      'REQUEST_TO_ANSWER',
    ]);
    // UGAP: the order to validate, the delay it may answer, the activation it invoices on.
    expect(await kinds(ugap)).toEqual(['ACTIVATION_VALIDATED', 'DELAY_REQUESTED', 'ORDER_TO_VALIDATE']);
    // The market holder: the incident declared (it took it in charge itself).
    expect(await kinds(holder)).toEqual(['INCIDENT_OPENED']);
    // The manager's: the beneficiary's are marked read in another test.
    const { items } = await inbox(manager);
    const opened = items.find((n) => n.kind === 'SERVICES_OPENED')!;
    expect(opened).toMatchObject({
      read: false,
      reference: orderReference,
      subjectType: 'ACTIVATION',
      request: { id: requestId },
    });
    expect(opened.title).toMatch(/^Mise en service à valider — /);
    expect(items.filter((n) => n.kind === 'CONSUMPTION_ALERT').map((n) => n.title)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('a atteint 80 % de son engagement'),
        expect.stringContaining("s'épuisera avant son échéance"),
      ]),
    );
  });

  it('never show a file to someone who may not read it', async () => {
    expect((await inbox(stranger)).count).toEqual({ total: 0, unread: 0 });
    expect((await inbox(aws)).count).toEqual({ total: 0, unread: 0 });
    // Outscale was solicited (it has the request to answer) but never proposed: nothing of OVHcloud's order reaches it.
    expect(await kinds(outscale)).toEqual(['REQUEST_TO_ANSWER']);
  });

  it('are marked read one by one or all at once, each person their own', async () => {
    const before = await inbox(beneficiary);
    expect(before.count).toEqual({ total: 9, unread: 9 });
    const MARK = graphql(`
      mutation Mark($id: ID!) { markNotificationRead(id: $id) { notification { read } errors { code field } } }
    `);
    const one = await act(stack, beneficiary, MARK, { id: before.items[0]!.id });
    expect(one.markNotificationRead.notification!.read).toBe(true);
    expect((await inbox(beneficiary)).count.unread).toBe(8);
    const foreign = await stack.query(manager, MARK, { id: before.items[1]!.id });
    expect(foreign.data!.markNotificationRead).toEqual({
      notification: null,
      errors: [{ code: 'NOT_FOUND', field: 'id' }],
    });
    const MARK_ALL = graphql(`mutation MarkAll { markAllNotificationsRead { count errors { code } } }`);
    expect((await act(stack, beneficiary, MARK_ALL)).markAllNotificationsRead).toEqual({ count: 8, errors: [] });
    expect((await inbox(beneficiary)).count).toEqual({ total: 9, unread: 0 });
    expect((await inbox(manager)).count.unread).toBe(10);
  });

  it('send the emails the guide gives once: services opened, consumption alert', async () => {
    const mails = readdirSync(join(stack.dataDir, 'mail')).map((f) =>
      readFileSync(join(stack.dataDir, 'mail', f), 'utf8'),
    );
    // Subjects are MIME-encoded words: "mise_en_service", "alerte_de_consomm?= =?UTF-8?Q?ation".
    const about = (words: RegExp) => mails.filter((m) => m.includes(orderReference) && words.test(m));
    expect(about(/mise_en_service/)).toHaveLength(2); // the beneficiary and the manager
    expect(about(/alerte_de_consomm/)).toHaveLength(4); // each of them, for each of the two alerts
    await stack.settle();
    expect(readdirSync(join(stack.dataDir, 'mail'))).toHaveLength(mails.length);
  });
});
