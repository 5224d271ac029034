import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getNamedType, isLeafType, isNonNullType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { stableId, type Identity } from '@nuage/platform';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { act, activateOrder, inDays, PEOPLE, placeOrderWithOvh } from '../src/journey.js';
import { schemaDir } from '../src/paths.js';
import { graphql } from '@nuage/fixtures/graphql';

/**
 * Every entity (`@key` type) of the supergraph resolves through the gateway: a real instance of
 * each, reached from another subgraph where one returns it, with every field of every subgraph
 * that contributes to it selected, so that each subgraph's reference resolver is exercised.
 */
const supergraphSdl = readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8');
const api: GraphQLSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const keyTypes = [...supergraphSdl.matchAll(/^type (\w+)\n((?:\s+@join__type\([^)]*\)\n)+)/gm)]
  .filter(([, , joins]) => /key: "/.test(joins!))
  .map(([, name]) => name!);

let stack: TestStack;
const { beneficiary, ovh } = PEOPLE;
const found: Record<string, string> = {};

/** Every field of a type without required arguments: leaves by name, objects by their `__typename`. */
function everyField(typeName: string): string {
  const type = api.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .map((field) => (isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`))
    .join(' ');
}

/** For each entity, who reads it and the path that reaches it (the placeholder `FIELDS` is its selection). */
const WALKS: Record<string, { as: Identity; query: () => string; pick: (data: any) => unknown }> = {
  BeneficiaryEntity: { as: beneficiary, query: () => '{ me { entity { FIELDS } } }', pick: (d) => d.me.entity },
  Brand: {
    as: beneficiary,
    query: () => '{ orders(first: 1) { edges { node { brand { FIELDS } } } } }',
    pick: (d) => d.orders.edges[0].node.brand,
  },
  Dashboard: { as: beneficiary, query: () => '{ dashboard { FIELDS } }', pick: (d) => d.dashboard },
  GuidedChoice: {
    as: beneficiary,
    query: () => `{ request(id: "${found.request}") { guidedChoice { FIELDS } } }`,
    pick: (d) => d.request.guidedChoice,
  },
  Incident: {
    as: beneficiary,
    query: () => `{ search(query: "${found.incident}") { edges { node { incident { FIELDS } } } } }`,
    pick: (d) => d.search.edges[0].node.incident,
  },
  // Invoices are ordering's alone for now (the event feed will point to them): reached from their list.
  Invoice: {
    as: beneficiary,
    query: () => '{ invoices(first: 1) { edges { node { FIELDS } } } }',
    pick: (d) => d.invoices.edges[0].node,
  },
  Market: { as: beneficiary, query: () => '{ markets { FIELDS } }', pick: (d) => d.markets[0] },
  Order: {
    as: beneficiary,
    query: () => '{ incidents(first: 1) { edges { node { order { FIELDS } } } } }',
    pick: (d) => d.incidents.edges[0].node.order,
  },
  OrderLine: {
    as: beneficiary,
    query: () => '{ consumptionAlerts(first: 1) { edges { node { orderLine { FIELDS } } } } }',
    pick: (d) => d.consumptionAlerts.edges[0].node.orderLine,
  },
  Person: { as: beneficiary, query: () => '{ me { FIELDS } }', pick: (d) => d.me },
  Product: {
    as: beneficiary,
    query: () => `{ request(id: "${found.renewal}") { items { product { FIELDS } } } }`,
    pick: (d) => d.request.items[0].product,
  },
  Project: {
    as: beneficiary,
    query: () => '{ projects(first: 1) { edges { node { FIELDS } } } }',
    pick: (d) => d.projects.edges[0].node,
  },
  Proposal: {
    as: beneficiary,
    query: () => `{ search(query: "${found.proposal}") { edges { node { proposal { FIELDS } } } } }`,
    pick: (d) => d.search.edges[0].node.proposal,
  },
  Request: {
    as: beneficiary,
    query: () => '{ orders(first: 1) { edges { node { request { FIELDS } } } } }',
    pick: (d) => d.orders.edges[0].node.request,
  },
  Solution: {
    as: beneficiary,
    query: () => `{ request(id: "${found.request}") { solutions { solution { FIELDS } } } }`,
    pick: (d) => d.request.solutions[0].solution,
  },
};

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
  // A file taken to the end: an order activated, consumed past its alert threshold, disputed; and a renewal with a catalogue product.
  const orderId = await placeOrderWithOvh(stack);
  const [lineId] = await activateOrder(stack, orderId);
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
          lineId: 'walk-1',
          orderLineId: lineId!,
          chargePeriodStart: `${today}T00:00:00Z`,
          chargePeriodEnd: `${today}T01:00:00Z`,
          serviceName: 'Calcul',
          serviceCategory: 'Compute',
          consumedQuantity: '1',
          consumedUnit: 'Hours',
          billedCost: '9000.00',
          effectiveCost: '9000.00',
          currency: 'EUR',
        },
      ],
    },
  );
  const declared = await act(
    stack,
    beneficiary,
    graphql(
      `mutation($id: ID!) { declareIncident(input: { orderId: $id, typeCode: "INVOICING", description: "Montant de facture à vérifier" }) { incident { number } errors { code } } }`,
    ),
    { id: orderId },
  );
  const { orders } = await act(
    stack,
    beneficiary,
    graphql(`{ orders(first: 1) { edges { node { request { id project { id } } proposal { number } } } } }`),
  );
  const node = orders!.edges[0]!.node;
  const renewal = await act(
    stack,
    beneficiary,
    graphql(
      `mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id } errors { code field } } }`,
    ),
    {
      input: {
        kind: 'RENEWAL',
        project: { id: node.request!.project.id },
        items: [{ productId: stableId('product', '145897'), quantity: '1' }],
      },
    },
  );
  Object.assign(found, {
    request: node.request!.id,
    proposal: node.proposal!.number,
    incident: declared.declareIncident.incident!.number,
    renewal: renewal.createRequestDraft.request!.id,
  });
});
afterAll(() => stack?.close());

describe('every entity of the supergraph', () => {
  it('has a walk through the gateway in this test', () => {
    expect(keyTypes.length).toBeGreaterThanOrEqual(14);
    expect(keyTypes.filter((name) => !WALKS[name])).toEqual([]);
  });

  it.each(keyTypes)('%s resolves, every field of every subgraph that contributes to it', async (typeName) => {
    const walk = WALKS[typeName]!;
    const { data, errors } = await stack.query(walk.as, walk.query().replace('FIELDS', everyField(typeName)));
    expect(errors).toBeUndefined();
    const instance = walk.pick(data) as Record<string, unknown>;
    expect(instance).toEqual(expect.objectContaining({ id: expect.any(String) }));
  });
});
