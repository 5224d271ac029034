import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOPICS, type ActivationDisputed, type OrderPlaced } from '@nuage/contracts';
import { SEED_BRANDS, seededIdentity } from '@nuage/fixtures';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { incidents } from '../src/index.js';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';

/**
 * The incidents subgraph on its own, with a real PostgreSQL: what it learns from ordering's events,
 * who declares and moves an incident, who reads it.
 */
let subgraph: TestSubgraph;
const beneficiary = seededIdentity('beneficiary');
const stranger = seededIdentity('stranger');
const ovh = seededIdentity('supplier:ovhcloud');
const aws = seededIdentity('supplier:aws');
const holder = seededIdentity('market-holder');
const ugap = seededIdentity('ugap');

beforeAll(async () => {
  subgraph = await startTestSubgraph(incidents, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

/** An order placed by the seeded entity with OVHcloud, as ordering announces it. */
async function placedOrder(): Promise<OrderPlaced> {
  const order: OrderPlaced = {
    orderId: randomUUID(),
    reference: `CC${Math.floor(Math.random() * 1e6)}`,
    entityId: beneficiary.entityId!,
    brandId: SEED_BRANDS.find((b) => b.slug === 'ovhcloud')!.id,
    requestId: null,
    projectName: 'Projet',
    lines: [],
  };
  expect(await subgraph.deliver({ topic: TOPICS.orderPlaced, payload: { ...order } })).toBe(true);
  return order;
}

const DECLARE = graphql(
  `mutation($input: DeclareIncidentInput!) { declareIncident(input: $input) { incident { id number status source orderReference availableActions } errors { code field message } } }`,
);
const MOVE = graphql(
  `mutation($id: ID!, $transition: IncidentTransition!, $comment: String) { moveIncident(id: $id, transition: $transition, comment: $comment) { incident { status } errors { code message } } }`,
);
const READ = graphql(`query($id: ID!) { incident(id: $id) { number status } }`);

const declare = async (orderId: string) => {
  const { data } = await subgraph.query(beneficiary, DECLARE, {
    input: { orderId, typeCode: 'LATE_DELIVERY', description: 'La livraison prévue le 3 mars n’est pas arrivée.' },
  });
  return data!.declareIncident;
};

describe('an incident on an order', () => {
  it('is declared by a buyer of the order’s entity, numbered SAV-…, once ordering has announced the order', async () => {
    const order = await placedOrder();
    const declared = await declare(order.orderId);
    expect(declared).toMatchObject({
      incident: {
        number: expect.stringMatching(/^SAV-\d+$/),
        status: 'DECLARED',
        source: 'ORDER',
        orderReference: order.reference,
      },
      errors: [],
    });
    expect(await declare(randomUUID())).toEqual({
      incident: null,
      errors: [expect.objectContaining({ code: 'NOT_FOUND', field: 'input.orderId' })],
    });
  });

  it('is refused to a supplier, by role, before anything is read', async () => {
    const order = await placedOrder();
    const { data } = await subgraph.query(ovh, DECLARE, {
      input: { orderId: order.orderId, typeCode: 'LATE_DELIVERY', description: 'Une description assez longue.' },
    });
    expect(data!.declareIncident).toEqual({
      incident: null,
      errors: [
        {
          code: 'FORBIDDEN',
          field: null,
          message: 'Réservé aux rôles : bénéficiaire, manager ; votre rôle : fournisseur.',
        },
      ],
    });
  });

  it('is read by its parties and market-wide staff, and by no other entity or brand', async () => {
    const { incident } = await declare((await placedOrder()).orderId);
    for (const reader of [beneficiary, ovh, holder, ugap]) {
      const { data } = await subgraph.query(reader, READ, { id: incident!.id });
      expect(data!.incident).toEqual({ number: incident!.number, status: 'DECLARED' });
    }
    for (const outsider of [stranger, aws]) {
      const { data, errors } = await subgraph.query(outsider, READ, { id: incident!.id });
      expect(data!.incident).toBeNull();
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });

  it('moves by the role that owns each step, as its lifecycle says', async () => {
    const { incident } = await declare((await placedOrder()).orderId);
    const move = (who: typeof ovh, transition: VariablesOf<typeof MOVE>['transition'], comment?: string) =>
      subgraph.query(who, MOVE, { id: incident!.id, transition, comment }).then((r) => r.data!.moveIncident);
    expect(await move(beneficiary, 'TAKE_IN_CHARGE')).toMatchObject({
      incident: null,
      errors: [{ code: 'FORBIDDEN' }],
    });
    expect(await move(ovh, 'TAKE_IN_CHARGE')).toEqual({ incident: { status: 'TAKEN_IN_CHARGE' }, errors: [] });
    expect(await move(ovh, 'CONFIRM')).toMatchObject({ incident: null, errors: [{ code: 'FORBIDDEN' }] });
    expect(await move(ovh, 'RESOLVE')).toEqual({ incident: { status: 'RESOLVED' }, errors: [] });
    expect(await move(ovh, 'RESOLVE')).toMatchObject({ incident: null, errors: [{ code: 'INVALID_TRANSITION' }] });
    expect(await move(beneficiary, 'CONFIRM')).toEqual({ incident: { status: 'CLOSED' }, errors: [] });
  });
});

describe('an activation problem reported in ordering', () => {
  it('opens one incident of type SERVICE_ACTIVATION, however often the event is delivered', async () => {
    const order = await placedOrder();
    const disputed: ActivationDisputed = {
      orderId: order.orderId,
      orderReference: order.reference,
      requestId: null,
      entityId: order.entityId,
      brandId: order.brandId,
      description: 'Les identifiants de la console ne fonctionnent pas.',
      reportedById: beneficiary.userId,
      reportedByName: beneficiary.name,
    };
    const event = { id: randomUUID(), topic: TOPICS.activationDisputed, payload: { ...disputed } };
    expect(await subgraph.deliver(event)).toBe(true);
    expect(await subgraph.deliver(event)).toBe(false);
    const { data } = await subgraph.query(
      beneficiary,
      graphql(
        `query($orderId: ID!) { incidents(filter: { orderId: $orderId }) { totalCount edges { node { typeCode source declaredByName } } } }`,
      ),
      { orderId: order.orderId },
    );
    expect(data!.incidents).toEqual({
      totalCount: 1,
      edges: [{ node: { typeCode: 'SERVICE_ACTIVATION', source: 'ACTIVATION', declaredByName: beneficiary.name } }],
    });
  });
});
