import { seededIdentity } from '@nuage/requests';
import { stableId } from '@nuage/shared';
import type { TestStack } from '../src/test-stack';

/** Steps of the buyer's journey that several tests start from, taken through the gateway. */

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const beneficiary = seededIdentity('beneficiary');
const solution = (brand: string, name: string) => ({ brandId: stableId('brand', brand), solutionId: stableId('solution', `${brand}/${name}`) });

/** A submitted guided-choice request soliciting OVHcloud and 3DS Outscale (their SecNumCloud offers). */
export async function submitRequestSolicitingTwoBrands(stack: TestStack): Promise<string> {
  const { data } = await stack.query(beneficiary, `mutation { recordGuidedChoice(input: { projectName: "P", asOf: "2024-10-02", answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" }] }) { guidedChoice { id } } }`);
  const draft = await stack.query(beneficiary, 'mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id } errors { message } } }', {
    input: {
      kind: 'GUIDED_CHOICE',
      project: { new: { codeName: `Projet ${Math.random().toString(36).slice(2)}`, shortDescription: 'Hébergement SecNumCloud' } },
      guidedChoiceId: data!.recordGuidedChoice.guidedChoice.id,
      solutions: [solution('OVHCLOUD', 'OVH Private Cloud SecNumCloud'), solution('3DS OUTSCALE', 'Outscale Cloud Secteur Public SecNumCloud')],
      need: { desiredStartDate: inDays(30), durationYears: 3, text: 'Quatre machines virtuelles SecNumCloud.' },
    },
  });
  const id = draft.data!.createRequestDraft.request.id as string;
  await stack.query(beneficiary, 'mutation($id: ID!) { submitRequest(id: $id) { errors { message } } }', { id });
  await stack.settle();
  return id;
}

/** An order placed with OVHcloud: proposal (the guide's amounts), approval, acceptance. */
export async function placeOrderWithOvh(stack: TestStack): Promise<string> {
  const requestId = await submitRequestSolicitingTwoBrands(stack);
  const { data } = await stack.query(seededIdentity('supplier:ovhcloud'), `mutation($id: ID!, $key: String!) { submitProposal(requestId: $id, idempotencyKey: $key, input: {
      validUntil: "${inDays(10)}", commitmentMonths: 12, billingPeriod: ANNUAL, billingTiming: IN_ADVANCE,
      lines: [{ productCode: "145897", designation: "Prestation d'abonnement OVH Engagement 12 mois", quantity: "1", listUnitPrice: "10000.00", unitPrice: "9690.00" }] }) { proposal { id } } }`, { id: requestId, key: `order-${requestId}` });
  const proposalId = data!.submitProposal.proposal.id;
  await stack.query(seededIdentity('manager'), 'mutation($id: ID!) { approveProposal(id: $id) { errors { message } } }', { id: proposalId });
  await stack.query(beneficiary, 'mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { errors { message } } }', { id: proposalId });
  await stack.settle();
  const orders = await stack.query(beneficiary, '{ orders(first: 100) { edges { node { id request { id } } } } }');
  return orders.data!.orders.edges.find((e: { node: { request: { id: string } } }) => e.node.request.id === requestId).node.id;
}
