import { seededIdentity } from '@nuage/fixtures';
import { stableId, todayInParis, type Identity } from '@nuage/platform';
import type { TadaDocumentNode } from 'gql.tada';
import { graphql, type Operation, textOf } from '@nuage/fixtures/graphql';
import type { TestStack } from './test-stack.js';

/** Steps of the buyer's journey, taken through the gateway: tests start from them, the benchmark seeds with them. */

export type JourneyClient = Pick<TestStack, 'query' | 'settle'>;

/** The day `days` from today in France, where the market's days begin (not UTC's: they differ an hour or two a night). */
export const inDays = (days: number) => todayInParis(new Date(Date.now() + days * 86_400_000));
/** The seeded people the journeys are taken by, and a buyer of another entity who may see none of it. */
export const PEOPLE = {
  beneficiary: seededIdentity('beneficiary'),
  manager: seededIdentity('manager'),
  ovh: seededIdentity('supplier:ovhcloud'),
  outscale: seededIdentity('supplier:3ds-outscale'),
  aws: seededIdentity('supplier:aws'),
  ugap: seededIdentity('ugap'),
  holder: seededIdentity('market-holder'),
  analyst: seededIdentity('analyst'),
  stranger: seededIdentity('stranger'),
};
const { beneficiary, ovh } = PEOPLE;
const solution = (brand: string, name: string) => ({
  brandId: stableId('brand', brand),
  solutionId: stableId('solution', `${brand}/${name}`),
});

/** The data of a response, or a thrown error naming the step when the gateway refused it. */
async function must<T = Record<string, any>>(
  client: JourneyClient,
  step: string,
  identity: Identity | null,
  query: Operation<T, never>,
  variables?: unknown,
): Promise<T> {
  const { data, errors } = await client.query<T>(identity, textOf(query), variables as Record<string, unknown>);
  if (errors?.length || !data) throw new Error(`${step}: ${JSON.stringify(errors)}`);
  const payloadErrors = Object.values(data as Record<string, { errors?: unknown[] } | null>).flatMap(
    (payload) => payload?.errors ?? [],
  );
  if (payloadErrors.length) throw new Error(`${step}: ${JSON.stringify(payloadErrors)}`);
  return data;
}

/**
 * The buyer's dashboard ("Tableau de bord") as one query over the five subgraphs: counts (requests,
 * ordering), latest requests with their proposals (ordering), latest orders with brand (catalogue),
 * incidents (incidents) and consumption (consumption).
 */
export const BUYER_DASHBOARD = graphql(`query BuyerDashboard($first: Int!, $after: String, $requestsAfter: String) {
  dashboard { requestsInProgress draftRequests ordersInProgress purchaseRequestsToApprove activationsToValidate orders }
  requests(first: $first, after: $requestsAfter) { totalCount edges { cursor node { fileNumber statusLabel submittedAt project { codeName } proposals { number statusLabel totals { totalInclVat { amount } } } } } }
  orders(first: $first, after: $after) { totalCount edges { cursor node { reference statusLabel placedAt brand { name } totals { totalInclVat { amount } } openIncidentCount incidents { number statusLabel } consumption { consumed { amount } percentUsed forecastExhaustionDate } } } }
}`);

/** One step taken through the gateway (errors, top-level or in the payload, throw), once its events are delivered. */
export async function act<Result, Variables>(
  client: JourneyClient,
  identity: Identity,
  query: TadaDocumentNode<Result, Variables>,
  variables?: Variables,
): Promise<Result>;
export async function act<T = Record<string, any>>(
  client: JourneyClient,
  identity: Identity,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T>;
export async function act(
  client: JourneyClient,
  identity: Identity,
  query: Operation<unknown, never>,
  variables?: unknown,
) {
  const data = await must(client, textOf(query).slice(0, 60), identity, query, variables);
  await client.settle();
  return data;
}

type DraftWords = { codeName?: string; shortDescription?: string; need?: string };

/** A draft guided-choice request soliciting OVHcloud and 3DS Outscale (their SecNumCloud offers), ready to submit. */
export async function draftRequestSolicitingTwoBrands(client: JourneyClient, words: DraftWords = {}): Promise<string> {
  const recorded = await must(
    client,
    'recordGuidedChoice',
    beneficiary,
    graphql(
      `mutation { recordGuidedChoice(input: { projectName: "P", asOf: "2024-10-02", answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" }] }) { guidedChoice { id } } }`,
    ),
  );
  const draft = await must(
    client,
    'createRequestDraft',
    beneficiary,
    graphql(
      `mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id } errors { message } } }`,
    ),
    {
      input: {
        kind: 'GUIDED_CHOICE',
        project: {
          new: {
            codeName: words.codeName ?? `Projet ${Math.random().toString(36).slice(2)}`,
            shortDescription: words.shortDescription ?? 'Hébergement SecNumCloud',
          },
        },
        guidedChoiceId: recorded.recordGuidedChoice.guidedChoice!.id,
        solutions: [
          solution('OVHCLOUD', 'OVH Private Cloud SecNumCloud'),
          solution('3DS OUTSCALE', 'Outscale Cloud Secteur Public SecNumCloud'),
        ],
        need: {
          desiredStartDate: inDays(30),
          durationYears: 3,
          text: words.need ?? 'Quatre machines virtuelles SecNumCloud.',
        },
      },
    },
  );
  return draft.createRequestDraft.request!.id as string;
}

/** How a request receives proposals, as its submission sets it. */
export interface ConsultationChoice {
  sealedProposals?: boolean;
  responseDeadline?: string;
}

/** Submits a draft; its events delivered. */
export async function submitDraft(client: JourneyClient, id: string, consultation: ConsultationChoice = {}) {
  await must(
    client,
    'submitRequest',
    beneficiary,
    graphql(`mutation($id: ID!, $sealed: Boolean, $deadline: DateTimeISO) {
      submitRequest(id: $id, sealedProposals: $sealed, responseDeadline: $deadline) { errors { message } }
    }`),
    { id, sealed: consultation.sealedProposals ?? null, deadline: consultation.responseDeadline ?? null },
  );
  await client.settle();
}

/**
 * A submitted guided-choice request soliciting OVHcloud and 3DS Outscale. Journeys about what
 * follows a proposal see each one as it comes (unsealed); the seal has tests of its own.
 */
export async function submitRequestSolicitingTwoBrands(
  client: JourneyClient,
  words: DraftWords = {},
  consultation: ConsultationChoice = { sealedProposals: false },
): Promise<string> {
  const id = await draftRequestSolicitingTwoBrands(client, words);
  await submitDraft(client, id, consultation);
  return id;
}

/** A proposal of OVHcloud (the guide's amounts) approved by the manager, ready to accept. Returns its id. */
export async function approvedProposalWithOvh(client: JourneyClient): Promise<string> {
  const requestId = await submitRequestSolicitingTwoBrands(client);
  const submitted = await must(
    client,
    'submitProposal',
    ovh,
    graphql(`mutation($id: ID!, $key: String!, $validUntil: LocalDate!) { submitProposal(requestId: $id, idempotencyKey: $key, input: {
      validUntil: $validUntil, commitmentMonths: 12, billingPeriod: ANNUAL, billingTiming: IN_ADVANCE,
      lines: [{ productCode: "145897", designation: "Prestation d'abonnement OVH Engagement 12 mois", quantity: "1", listUnitPrice: "10000.00", unitPrice: "9690.00" }] }) { proposal { id } errors { message } } }`),
    { id: requestId, key: `order-${requestId}`, validUntil: inDays(10) },
  );
  const proposalId = submitted.submitProposal.proposal!.id;
  await must(
    client,
    'approveProposal',
    PEOPLE.manager,
    graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { message } } }`),
    { id: proposalId },
  );
  return proposalId;
}

/** The buyer's acceptance of a proposal (CGE and CGU accepted). */
export const ACCEPT_PROPOSAL = graphql(
  `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { subscriptionOrder { orderId } } errors { code message } } }`,
);

/** An order placed with OVHcloud: proposal (the guide's amounts), approval, acceptance. Returns the order's id. */
export async function placeOrderWithOvh(client: JourneyClient): Promise<string> {
  const proposalId = await approvedProposalWithOvh(client);
  const accepted = await must(client, 'acceptProposal', beneficiary, ACCEPT_PROPOSAL, { id: proposalId });
  await client.settle();
  return accepted.acceptProposal.proposal!.subscriptionOrder!.orderId as string;
}

/** The supplier (OVHcloud unless told) delivers every line of the order in full (one delivery note). */
export async function deliverInFull(client: JourneyClient, orderId: string, supplier = ovh): Promise<void> {
  const { orders } = await must(
    client,
    'orders',
    supplier,
    graphql(`query { orders(first: 100) { edges { node { id lines { id amounts { quantity } } } } } }`),
  );
  const order = orders!.edges.find((e: { node: { id: string } }) => e.node.id === orderId)!.node;
  const lines = order.lines.map((line: { id: string; amounts: { quantity: string } }) => ({
    orderLineId: line.id,
    quantity: line.amounts.quantity,
  }));
  await must(
    client,
    'recordDelivery',
    supplier,
    graphql(
      `mutation($id: ID!, $on: LocalDate!, $lines: [DeliveredLineInput!]!, $key: String!) { recordDelivery(orderId: $id, deliveredOn: $on, lines: $lines, idempotencyKey: $key) { errors { message } } }`,
    ),
    { id: orderId, on: inDays(0), lines, key: `deliver-${orderId}` },
  );
}

/** UGAP validates the order, its supplier (OVHcloud unless told) delivers it and opens the services, the buyer validates them. Returns the order's line ids. */
export async function activateOrder(
  client: JourneyClient,
  orderId: string,
  ugapReference = 'UGAP-CONSO',
  supplier = ovh,
): Promise<string[]> {
  await must(
    client,
    'validateOrder',
    PEOPLE.ugap,
    graphql(
      `mutation($id: ID!, $input: ValidateOrderInput!) { validateOrder(id: $id, input: $input) { errors { message } } }`,
    ),
    {
      id: orderId,
      input: { ugapReference, chorusPurchaseRequestNumber: '1300000002', plannedDeliveryDate: inDays(2) },
    },
  );
  await deliverInFull(client, orderId, supplier);
  await must(
    client,
    'declareServicesOpen',
    supplier,
    graphql(
      `mutation($id: ID!, $key: String!) { declareServicesOpen(orderId: $id, idempotencyKey: $key) { errors { message } } }`,
    ),
    { id: orderId, key: `open-${orderId}` },
  );
  const validated = await must(
    client,
    'validateActivation',
    beneficiary,
    graphql(`mutation($id: ID!) { validateActivation(orderId: $id) { order { lines { id } } errors { message } } }`),
    { id: orderId },
  );
  await client.settle();
  return validated.validateActivation.order!.lines.map((line: { id: string }) => line.id);
}

/** The buyer declares an incomplete order ("Déclarer un litige"). */
export async function declareIncompleteOrder(client: JourneyClient, orderId: string): Promise<void> {
  await must(
    client,
    'declareIncident',
    beneficiary,
    graphql(
      `mutation($id: ID!) { declareIncident(input: { orderId: $id, typeCode: "INCOMPLETE_ORDER", description: "Commande incomplète" }) { errors { message } } }`,
    ),
    { id: orderId },
  );
  await client.settle();
}
