import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { stableId, todayInParis, type Identity } from '@nuage/platform';
import { TINY_PNG } from '@nuage/platform/testing';
import { startTestStack, type TestStack } from '../src/test-stack';
import { inDays, PEOPLE, placeOrderWithOvh, deliverInFull } from '../src/journey';

/** Incidents and disputes on orders, through the gateway. */
let stack: TestStack;
let orderId = '';
const beneficiary = seededIdentity('beneficiary');
const marketHolder = seededIdentity('market-holder');
const analyst = seededIdentity('analyst');
const ovh = seededIdentity('supplier:ovhcloud');
const aws = seededIdentity('supplier:aws');
const { stranger } = PEOPLE;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  orderId = await placeOrderWithOvh(stack);
});
afterAll(() => stack?.close());

const INCIDENT =
  'id number confirmation { fr } status statusLabel source type { code label } availableActions order { reference statusLabel totals { totalInclVat { amount } } }';
const declare = async (caller: Identity, input: Record<string, unknown>) => {
  const response = await stack.query(
    caller,
    `mutation($input: DeclareIncidentInput!) { declareIncident(input: $input) { incident { ${INCIDENT} } errors { code field message } } }`,
    { input },
  );
  return response.errors
    ? { incident: null, errors: response.errors.map((e) => ({ code: e.extensions?.code })) }
    : response.data!.declareIncident;
};
const move = async (caller: Identity, id: string, transition: string, comment?: string) => {
  const response = await stack.query(
    caller,
    'mutation($id: ID!, $t: IncidentTransition!, $c: String) { moveIncident(id: $id, transition: $t, comment: $c) { incident { status } errors { code field } } }',
    { id, t: transition, c: comment },
  );
  return response.errors
    ? { incident: null, errors: response.errors.map((e) => ({ code: e.extensions?.code })) }
    : response.data!.moveIncident;
};
const orderView = async () =>
  (
    await stack.query(
      beneficiary,
      'query { orders(first: 100) { edges { node { id disputed openIncidentCount incidents { number } } } } }',
    )
  )
    .data!.orders.edges.map((e: { node: { id: string } }) => e.node)
    .find((o: { id: string }) => o.id === orderId);

let incidentId = '';

describe('incidents on an order', () => {
  it('are declared by the buyer with a SAV number, linked to the order with its status and amounts; the order shows it is disputed', async () => {
    const { incident, errors } = await declare(beneficiary, {
      orderId,
      typeCode: 'INCOMPLETE_ORDER',
      description: 'Il manque la licence de sauvegarde commandée.',
    });
    expect(errors).toEqual([]);
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
    incidentId = incident.id;
    await stack.settle();
    expect(await orderView()).toMatchObject({
      disputed: true,
      openIncidentCount: 1,
      incidents: [{ number: incident.number }],
    });
  });

  it.each([
    [
      'an unknown order',
      () =>
        declare(beneficiary, {
          orderId: stableId('order', 'nope'),
          typeCode: 'INCOMPLETE_ORDER',
          description: 'Une description suffisante.',
        }),
      { code: 'NOT_FOUND', field: 'input.orderId' },
    ],
    [
      'an order of another entity',
      () => declare(stranger, { orderId, typeCode: 'INCOMPLETE_ORDER', description: 'Une description suffisante.' }),
      { code: 'NOT_FOUND', field: 'input.orderId' },
    ],
    [
      'an empty description',
      () => declare(beneficiary, { orderId, typeCode: 'INCOMPLETE_ORDER', description: '  ' }),
      { code: 'BAD_USER_INPUT', field: 'input.description' },
    ],
    [
      'an unknown type',
      () => declare(beneficiary, { orderId, typeCode: 'BROKEN', description: 'Une description suffisante.' }),
      { code: 'BAD_USER_INPUT', field: 'input.typeCode' },
    ],
  ])('refuse %s, creating nothing', async (_, attempt, error) => {
    const before = (await stack.query(marketHolder, '{ incidents { totalCount } }')).data!.incidents.totalCount;
    expect((await attempt()).errors).toEqual([expect.objectContaining(error)]);
    expect((await stack.query(marketHolder, '{ incidents { totalCount } }')).data!.incidents.totalCount).toBe(before);
  });

  it('follow their lifecycle, each step by the role that owns it, every step dated and kept', async () => {
    expect((await move(beneficiary, incidentId, 'RESOLVE')).errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await move(aws, incidentId, 'TAKE_IN_CHARGE')).errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    expect((await move(ovh, incidentId, 'TAKE_IN_CHARGE')).incident).toEqual({ status: 'TAKEN_IN_CHARGE' });
    expect((await move(ovh, incidentId, 'TAKE_IN_CHARGE')).errors).toEqual([
      { code: 'INVALID_TRANSITION', field: null },
    ]);
    expect((await move(ovh, incidentId, 'ASK_BENEFICIARY')).errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'comment' },
    ]);
    expect((await move(ovh, incidentId, 'ASK_BENEFICIARY', 'Quel numéro de licence ?')).incident).toEqual({
      status: 'AWAITING_BENEFICIARY',
    });
    expect((await move(beneficiary, incidentId, 'ANSWER', 'Licence Veeam 10 VM')).incident).toEqual({
      status: 'TAKEN_IN_CHARGE',
    });
    expect((await move(ovh, incidentId, 'RESOLVE', 'Licence ajoutée')).incident).toEqual({ status: 'RESOLVED' });
    expect((await move(beneficiary, incidentId, 'REOPEN', 'Toujours absente de la console')).incident).toEqual({
      status: 'TAKEN_IN_CHARGE',
    });
    expect((await move(marketHolder, incidentId, 'RESOLVE', 'Vérifié avec le fournisseur')).incident).toEqual({
      status: 'RESOLVED',
    });
    expect((await move(ovh, incidentId, 'CONFIRM')).errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await move(beneficiary, incidentId, 'CONFIRM')).incident).toEqual({ status: 'CLOSED' });

    const { data } = await stack.query(
      beneficiary,
      'query($id: ID!) { incident(id: $id) { history { fromStatus toStatus actorName actorRole comment at } } }',
      { id: incidentId },
    );
    expect(
      data!.incident.history.map((h: { fromStatus: string | null; toStatus: string; actorRole: string }) => [
        h.fromStatus,
        h.toStatus,
        h.actorRole,
      ]),
    ).toEqual([
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
    expect(await orderView()).toMatchObject({ disputed: false, openIncidentCount: 0 });
  });

  it('are shown to the entity, the order’s supplier and market-wide staff only, and filtered', async () => {
    const list = async (caller: Identity, filter: Record<string, unknown> = {}) =>
      (await stack.query(caller, 'query($f: IncidentFilter) { incidents(filter: $f) { totalCount } }', { f: filter }))
        .data!.incidents.totalCount;
    expect(await list(ovh)).toBe(1);
    expect(await list(aws)).toBe(0);
    expect(await list(stranger)).toBe(0);
    expect(
      await list(beneficiary, {
        statuses: ['CLOSED'],
        typeCode: 'INCOMPLETE_ORDER',
        orderId,
        from: todayInParis(),
        to: todayInParis(),
      }),
    ).toBe(1);
    expect(await list(beneficiary, { statuses: ['DECLARED'] })).toBe(0);
    expect(await list(beneficiary, { to: '2020-01-01' })).toBe(0);
  });

  it('give analysts the time to first answer and to resolution, by brand and type', async () => {
    const { data } = await stack.query(
      analyst,
      '{ incidentStatistics { brand { name } typeCode incidents open hoursToFirstAnswer hoursToResolution } }',
    );
    expect(data!.incidentStatistics).toEqual([
      {
        brand: { name: 'OVHCLOUD' },
        typeCode: 'INCOMPLETE_ORDER',
        incidents: 1,
        open: 0,
        hoursToFirstAnswer: expect.any(Number),
        hoursToResolution: expect.any(Number),
      },
    ]);
    expect((await stack.query(beneficiary, '{ incidentStatistics { typeCode } }')).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
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
      orderId,
      typeCode: 'LATE_DELIVERY',
      description: 'Livraison prévue hier, rien reçu.',
      attachmentIds: [attachmentId],
    });
    const post = (caller: Identity, input: Record<string, unknown>) =>
      stack.query(
        caller,
        'mutation($input: PostIncidentMessageInput!) { postIncidentMessage(input: $input) { message { id } errors { code field } } }',
        { input: { incidentId: incident.id, ...input } },
      );
    expect(
      (
        await post(beneficiary, {
          audience: 'BRAND',
          brandId: stableId('brand', 'OVHCLOUD'),
          body: 'Pouvez-vous confirmer une date ?',
        })
      ).data!.postIncidentMessage.errors,
    ).toEqual([]);
    expect(
      (await post(ovh, { audience: 'BRAND', body: 'Livraison demain matin.' })).data!.postIncidentMessage.errors,
    ).toEqual([]);
    expect(
      (await post(beneficiary, { audience: 'BRAND', brandId: stableId('brand', 'AWS'), body: 'x' })).data!
        .postIncidentMessage.errors,
    ).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.brandId' }]);
    const view = async (caller: Identity) =>
      (
        await stack.query(
          caller,
          'query($id: ID!) { incident(id: $id) { messageCount { total unread } messages { body } documents { kind fileName downloadUrl } } }',
          { id: incident.id },
        )
      ).data!.incident;
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
    expect(
      (
        await stack.query(
          ovh,
          'mutation($id: ID!) { markIncidentMessagesRead(incidentId: $id) { count errors { code } } }',
          { id: incident.id },
        )
      ).data!.markIncidentMessagesRead,
    ).toEqual({ count: 1, errors: [] });
    expect((await view(ovh)).messageCount).toEqual({ total: 2, unread: 0 });
    const download = async (caller: Identity) =>
      (
        await fetch(new URL(seen.documents[0].downloadUrl, stack.gatewayUrl), {
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
    const ugap = seededIdentity('ugap');
    await stack.query(
      ugap,
      `mutation($id: ID!) { validateOrder(id: $id, input: { ugapReference: "UGAP-INC-1", chorusNumber: "1300000001", plannedDeliveryDate: "${inDays(3)}" }) { errors { message } } }`,
      { id: orderId },
    );
    await deliverInFull(stack, orderId);
    await stack.query(
      ovh,
      'mutation($id: ID!) { declareServicesOpen(orderId: $id, idempotencyKey: "incident-open-0001") { errors { message } } }',
      { id: orderId },
    );
    await stack.query(
      beneficiary,
      'mutation($id: ID!) { reportActivationProblem(orderId: $id, description: "La console refuse les identifiants.") { errors { message } } }',
      { id: orderId },
    );
    await stack.settle();
    const { data } = await stack.query(
      beneficiary,
      'query($f: IncidentFilter) { incidents(filter: $f) { edges { node { source type { code } description declaredByName } } } }',
      { f: { statuses: ['DECLARED'], typeCode: 'SERVICE_ACTIVATION' } },
    );
    expect(data!.incidents.edges).toEqual([
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

  it('links an incident declared while ordering is unreachable to its order once ordering is back', async () => {
    stack.setReachable('ordering', false);
    const { incident } = await declare(beneficiary, {
      orderId,
      typeCode: 'INVOICING',
      description: 'Facture reçue en double.',
    });
    await Promise.all([stack.subgraphs.incidents.events.flush()]);
    const [pending] = await stack.subgraphs.incidents.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        "select count(*) as count from event_outbox where published_at is null and topic = 'incidents.incident.opened'",
      );
    expect(Number(pending!.count)).toBe(1);
    const orderingKnows = async () =>
      (
        await stack.subgraphs.ordering.orm.em
          .fork()
          .getConnection()
          .execute<{ open: boolean }[]>('select open from order_incident where incident_id = ?', [incident.id])
      )[0]?.open;
    expect(await orderingKnows()).toBeUndefined();
    stack.setReachable('ordering', true);
    await new Promise((resolve) => setTimeout(resolve, 600)); // the first retry is due after 500 ms
    await stack.settle();
    expect((await orderView()).incidents.map((i: { number: string }) => i.number)).toContain(incident.number);
    expect((await orderView()).openIncidentCount).toBe(3);
    expect(await orderingKnows()).toBe(true);
    expect((await orderView()).disputed).toBe(true);
  });
});
