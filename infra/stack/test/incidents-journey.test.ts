import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { stableId, todayInParis, type Identity } from '@nuage/platform';
import { TINY_PNG } from '@nuage/platform/testing';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';
import { deliverInFull, inDays, PEOPLE, placeOrderWithOvh } from '../src/journey.js';
import { startTestStack, type TestStack } from '../src/test-stack.js';

/** Incidents and disputes on orders, through the gateway; each test places the order it needs. */
let stack: TestStack;
const beneficiary = seededIdentity('beneficiary');
const marketHolder = seededIdentity('market-holder');
const analyst = seededIdentity('analyst');
const ugap = seededIdentity('ugap');
const ovh = seededIdentity('supplier:ovhcloud');
const aws = seededIdentity('supplier:aws');
const { stranger } = PEOPLE;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

const DECLARE = graphql(`
  mutation Declare($input: DeclareIncidentInput!) {
    declareIncident(input: $input) {
      incident {
        id number confirmation { fr } status statusLabel source type { code label } availableActions
        order { reference statusLabel totals { totalInclVat { amount } } }
      }
      errors { code field message }
    }
  }
`);
const MOVE = graphql(`
  mutation Move($id: ID!, $t: IncidentTransition!, $c: String) {
    moveIncident(id: $id, transition: $t, comment: $c) { incident { status } errors { code field } }
  }
`);
const ORDERS = graphql(`
  query Orders { orders(first: 100) { edges { node { id disputed openIncidentCount incidents { number } } } } }
`);
const COUNT = graphql(`
  query Count($f: IncidentFilter) { incidents(filter: $f) { totalCount } }
`);

type Declaration = VariablesOf<typeof DECLARE>['input'];
type Transition = VariablesOf<typeof MOVE>['t'];

const declare = async (caller: Identity, input: Declaration) =>
  (await stack.query(caller, DECLARE, { input })).data!.declareIncident;
const move = async (caller: Identity, id: string, t: Transition, c?: string) =>
  (await stack.query(caller, MOVE, { id, t, c })).data!.moveIncident;
/** The buyer's view of one of its orders, in its list of orders (the latest first). */
const orderView = async (id: string) =>
  (await stack.query(beneficiary, ORDERS)).data!.orders!.edges.map((e) => e.node).find((o) => o.id === id);
const count = async (caller: Identity, f: VariablesOf<typeof COUNT>['f'] = {}) =>
  (await stack.query(caller, COUNT, { f })).data!.incidents!.totalCount;

/** An incident the buyer declares on a new order ("commande incomplète"). */
async function declaredIncident(description = 'Il manque la licence de sauvegarde commandée.') {
  const orderId = await placeOrderWithOvh(stack);
  const { incident, errors } = await declare(beneficiary, { orderId, typeCode: 'INCOMPLETE_ORDER', description });
  expect(errors).toEqual([]);
  await stack.settle();
  return { orderId, incident: incident! };
}

describe('incidents on an order', () => {
  it('are declared by the buyer with a SAV number, linked to the order with its status and amounts; the order shows it is disputed', async () => {
    const { orderId, incident } = await declaredIncident();
    expect(incident).toMatchObject({
      number: expect.stringMatching(/^SAV-\d{5,}$/),
      status: 'DECLARED',
      statusLabel: 'Déclaré',
      source: 'ORDER',
      type: { code: 'INCOMPLETE_ORDER', label: 'Commande incomplète' },
      order: { statusLabel: 'En attente de validation UGAP', totals: { totalInclVat: { amount: '11628.00' } } },
    });
    expect(incident.confirmation.fr).toBe(
      `Merci ! Votre déclaration ${incident.number} a bien été envoyée. Nous allons la traiter rapidement, les informations seront mises à jour dans la rubrique Incidents.`,
    );
    expect(await orderView(orderId)).toMatchObject({
      disputed: true,
      openIncidentCount: 1,
      incidents: [{ number: incident.number }],
    });
  });

  it.each([
    ['an unknown order', 'unknown', beneficiary, 'INCOMPLETE_ORDER', 'Une description suffisante.', 'input.orderId'],
    [
      'an order of another entity',
      'placed',
      stranger,
      'INCOMPLETE_ORDER',
      'Une description suffisante.',
      'input.orderId',
    ],
    ['an empty description', 'placed', beneficiary, 'INCOMPLETE_ORDER', '  ', 'input.description'],
    ['an unknown type', 'placed', beneficiary, 'BROKEN', 'Une description suffisante.', 'input.typeCode'],
  ] as const)('refuse %s, creating nothing', async (_, order, caller, typeCode, description, field) => {
    const orderId = order === 'unknown' ? stableId('order', 'nope') : await placeOrderWithOvh(stack);
    const before = await count(marketHolder);
    const { incident, errors } = await declare(caller, { orderId, typeCode, description });
    expect(incident).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ field, code: field === 'input.orderId' ? 'NOT_FOUND' : 'BAD_USER_INPUT' }),
    ]);
    expect(await count(marketHolder)).toBe(before);
  });

  it('follow their lifecycle, each step by the role that owns it, every step dated and kept', async () => {
    const { orderId, incident } = await declaredIncident();
    const id = incident.id;
    expect((await move(beneficiary, id, 'RESOLVE')).errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await move(aws, id, 'TAKE_IN_CHARGE')).errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    expect((await move(ovh, id, 'TAKE_IN_CHARGE')).incident).toEqual({ status: 'TAKEN_IN_CHARGE' });
    expect((await move(ovh, id, 'TAKE_IN_CHARGE')).errors).toEqual([{ code: 'INVALID_TRANSITION', field: null }]);
    expect((await move(ovh, id, 'ASK_BENEFICIARY')).errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'comment' }]);
    expect((await move(ovh, id, 'ASK_BENEFICIARY', 'Quel numéro de licence ?')).incident).toEqual({
      status: 'AWAITING_BENEFICIARY',
    });
    expect((await move(beneficiary, id, 'ANSWER', 'Licence Veeam 10 VM')).incident).toEqual({
      status: 'TAKEN_IN_CHARGE',
    });
    expect((await move(ovh, id, 'RESOLVE', 'Licence ajoutée')).incident).toEqual({ status: 'RESOLVED' });
    expect((await move(beneficiary, id, 'REOPEN', 'Toujours absente de la console')).incident).toEqual({
      status: 'TAKEN_IN_CHARGE',
    });
    expect((await move(marketHolder, id, 'RESOLVE', 'Vérifié avec le fournisseur')).incident).toEqual({
      status: 'RESOLVED',
    });
    expect((await move(ovh, id, 'CONFIRM')).errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await move(beneficiary, id, 'CONFIRM')).incident).toEqual({ status: 'CLOSED' });

    const { data } = await stack.query(
      beneficiary,
      graphql(`query History($id: ID!) { incident(id: $id) { history { fromStatus toStatus actorRole } } }`),
      { id },
    );
    expect(data!.incident!.history.map((h) => [h.fromStatus, h.toStatus, h.actorRole])).toEqual([
      [null, 'DECLARED', 'BENEFICIARY'],
      ['DECLARED', 'TAKEN_IN_CHARGE', 'SUPPLIER'],
      ['TAKEN_IN_CHARGE', 'AWAITING_BENEFICIARY', 'SUPPLIER'],
      ['AWAITING_BENEFICIARY', 'TAKEN_IN_CHARGE', 'BENEFICIARY'],
      ['TAKEN_IN_CHARGE', 'RESOLVED', 'SUPPLIER'],
      ['RESOLVED', 'TAKEN_IN_CHARGE', 'BENEFICIARY'],
      ['TAKEN_IN_CHARGE', 'RESOLVED', 'MARKET_HOLDER'],
      ['RESOLVED', 'CLOSED', 'BENEFICIARY'],
    ]);
    await stack.settle();
    expect(await orderView(orderId)).toMatchObject({ disputed: false, openIncidentCount: 0 });
  });

  it('are shown to the entity, the order’s supplier and market-wide staff only, and filtered', async () => {
    const { orderId, incident } = await declaredIncident();
    const onOrder = { orderId };
    expect(await count(ovh, onOrder)).toBe(1);
    expect(await count(marketHolder, onOrder)).toBe(1);
    expect(await count(aws, onOrder)).toBe(0);
    expect(await count(stranger, onOrder)).toBe(0);
    const today = todayInParis();
    const filter = {
      ...onOrder,
      statuses: ['DECLARED' as const],
      typeCode: 'INCOMPLETE_ORDER',
      from: today,
      to: today,
    };
    expect(await count(beneficiary, filter)).toBe(1);
    expect(await count(beneficiary, { ...onOrder, statuses: ['CLOSED'] })).toBe(0);
    expect(await count(beneficiary, { ...onOrder, to: '2020-01-01' })).toBe(0);
    expect(incident.number).toMatch(/^SAV-/);
  });

  it('give analysts the time to first answer and to resolution, by brand and type, and nobody else', async () => {
    const { incident } = await declaredIncident('Le second disque manque à la livraison.');
    await move(ovh, incident.id, 'TAKE_IN_CHARGE');
    await move(ovh, incident.id, 'RESOLVE', 'Disque livré');
    const STATISTICS = graphql(`
      query Statistics { incidentStatistics { brand { name } typeCode incidents open hoursToFirstAnswer hoursToResolution } }
    `);
    const { data } = await stack.query(analyst, STATISTICS);
    expect(data!.incidentStatistics).toContainEqual({
      brand: { name: 'OVHCLOUD' },
      typeCode: 'INCOMPLETE_ORDER',
      incidents: expect.any(Number),
      open: expect.any(Number),
      hoursToFirstAnswer: expect.any(Number),
      hoursToResolution: expect.any(Number),
    });
    const refused = await stack.query(beneficiary, STATISTICS);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('messages and documents on an incident', () => {
  it('are exchanged as on requests: attachments, per-reader unread counts, files for readers only', async () => {
    const upload = await fetch(new URL('/uploads/incidents/documents', stack.gatewayUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.tokenFor(beneficiary)}`,
        'content-type': 'image/png',
        'x-file-name': encodeURIComponent('capture écran.png'),
      },
      body: new Uint8Array(TINY_PNG),
    });
    expect(upload.status).toBe(201);
    const { id: attachmentId } = (await upload.json()) as { id: string };
    const { incident } = await declare(beneficiary, {
      orderId: await placeOrderWithOvh(stack),
      typeCode: 'LATE_DELIVERY',
      description: 'Livraison prévue hier, rien reçu.',
      attachmentIds: [attachmentId],
    });
    const POST = graphql(`
      mutation Post($input: PostIncidentMessageInput!) { postIncidentMessage(input: $input) { message { id } errors { code field } } }
    `);
    type Message = Omit<VariablesOf<typeof POST>['input'], 'incidentId'>;
    const post = async (caller: Identity, input: Message) =>
      (await stack.query(caller, POST, { input: { incidentId: incident!.id, ...input } })).data!.postIncidentMessage
        .errors;
    const brandId = stableId('brand', 'OVHCLOUD');
    expect(await post(beneficiary, { audience: 'BRAND', brandId, body: 'Pouvez-vous confirmer une date ?' })).toEqual(
      [],
    );
    expect(await post(ovh, { audience: 'BRAND', body: 'Livraison demain matin.' })).toEqual([]);
    expect(await post(beneficiary, { audience: 'BRAND', brandId: stableId('brand', 'AWS'), body: 'x' })).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.brandId' },
    ]);
    const VIEW = graphql(`
      query View($id: ID!) { incident(id: $id) { messageCount { total unread } messages { body } documents { kind fileName downloadUrl } } }
    `);
    const view = async (caller: Identity) => (await stack.query(caller, VIEW, { id: incident!.id })).data!.incident!;
    expect((await view(beneficiary)).messageCount).toEqual({ total: 2, unread: 1 });
    expect((await view(marketHolder)).messageCount).toEqual({ total: 2, unread: 2 });
    const seen = await view(ovh);
    expect(seen.messageCount).toEqual({ total: 2, unread: 1 });
    expect(seen.documents).toEqual([
      {
        kind: 'DECLARATION',
        fileName: 'capture écran.png',
        downloadUrl: expect.stringMatching(/^\/downloads\/incidents\/documents\//),
      },
    ]);
    const MARK_READ = graphql(`
      mutation MarkRead($id: ID!) { markIncidentMessagesRead(incidentId: $id) { count errors { code } } }
    `);
    expect((await stack.query(ovh, MARK_READ, { id: incident!.id })).data!.markIncidentMessagesRead).toEqual({
      count: 1,
      errors: [],
    });
    expect((await view(ovh)).messageCount).toEqual({ total: 2, unread: 0 });
    const download = async (caller: Identity) =>
      (
        await fetch(new URL(seen.documents[0]!.downloadUrl, stack.gatewayUrl), {
          headers: { authorization: `Bearer ${await stack.tokenFor(caller)}` },
        })
      ).status;
    expect(await download(ovh)).toBe(200);
    expect(await download(aws)).toBe(404);
    expect(await download(stranger)).toBe(404);
  });
});

describe('incidents from activation, and while ordering is down', () => {
  it('opens an incident when the buyer reports a problem with the services declared open', async () => {
    const orderId = await placeOrderWithOvh(stack);
    const VALIDATE = graphql(`
      mutation Validate($id: ID!, $date: LocalDate!) {
        validateOrder(id: $id, input: { ugapReference: "UGAP-INC-1", chorusPurchaseRequestNumber: "1300000001", plannedDeliveryDate: $date }) { errors { message } }
      }
    `);
    expect((await stack.query(ugap, VALIDATE, { id: orderId, date: inDays(3) })).data!.validateOrder.errors).toEqual(
      [],
    );
    await deliverInFull(stack, orderId);
    const OPEN = graphql(`
      mutation Open($id: ID!, $key: String!) { declareServicesOpen(orderId: $id, idempotencyKey: $key) { errors { message } } }
    `);
    expect(
      (await stack.query(ovh, OPEN, { id: orderId, key: `open-${orderId}` })).data!.declareServicesOpen.errors,
    ).toEqual([]);
    const REPORT = graphql(`
      mutation Report($id: ID!) { reportActivationProblem(orderId: $id, description: "La console refuse les identifiants.") { errors { message } } }
    `);
    expect((await stack.query(beneficiary, REPORT, { id: orderId })).data!.reportActivationProblem.errors).toEqual([]);
    await stack.settle();
    const { data } = await stack.query(
      beneficiary,
      graphql(`
        query Activation($f: IncidentFilter) { incidents(filter: $f) { edges { node { source type { code } description declaredByName } } } }
      `),
      { f: { orderId, typeCode: 'SERVICE_ACTIVATION' } },
    );
    expect(data!.incidents!.edges).toEqual([
      {
        node: {
          source: 'ACTIVATION',
          type: { code: 'SERVICE_ACTIVATION' },
          description: 'La console refuse les identifiants.',
          declaredByName: 'Clara Maurice',
        },
      },
    ]);
  });

  it('links an incident declared while ordering is down to its order once ordering is back', async () => {
    const orderId = await placeOrderWithOvh(stack);
    await stack.setConsuming('ordering', false);
    const { incident } = await declare(beneficiary, {
      orderId,
      typeCode: 'INVOICING',
      description: 'Facture reçue en double.',
    });
    await stack.settle();
    // The event waits in ordering's queue, not in the incidents subgraph.
    const waiting = await stack.subgraphs.ordering.events.boss.findJobs('ordering.events', { queued: true });
    expect(waiting.map((job) => (job.data as { topic: string }).topic)).toEqual(['incidents.incident.opened']);
    const orderingKnows = async () =>
      (
        await stack.subgraphs.ordering.orm.em
          .fork()
          .getConnection()
          .execute<{ open: boolean }[]>('select open from order_incident where incident_id = ?', [incident!.id])
      )[0]?.open;
    expect(await orderingKnows()).toBeUndefined();
    await stack.setConsuming('ordering', true);
    await stack.settle();
    expect(await orderingKnows()).toBe(true);
    expect(await orderView(orderId)).toMatchObject({
      disputed: true,
      openIncidentCount: 1,
      incidents: [{ number: incident!.number }],
    });
  });
});
