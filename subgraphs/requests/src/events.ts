import { TOPICS } from '@nuage/contracts';
import { listIssuedDocument } from '@nuage/threads';
import { keepTimelineCopy } from '@nuage/history';
import type { ConsumerHandlers } from '@nuage/platform';
import type { RequestsServices } from './loaders.js';
import { tellBuyersOfAlert, tellBuyersServicesOpened } from './services/buyer-notices.js';
import { keepGuidedChoice, keepOrder, keepProduct, keepSolution } from './services/copies.js';
import { announceStep } from './services/announcements.js';
import { follow, startRenewalDraft } from './services/requests.js';
import { indexFromHistory } from './services/search.js';

/** What this subgraph learns from the others (see `SUBSCRIPTIONS` in `@nuage/contracts`). */
export const REQUESTS_CONSUME: ConsumerHandlers<'requests', RequestsServices> = {
  [TOPICS.solutionChanged]: (em, { payload }) => keepSolution(em, payload),
  [TOPICS.productChanged]: (em, { payload }) => keepProduct(em, payload),
  [TOPICS.guidedChoiceRecorded]: (em, { payload }) => keepGuidedChoice(em, payload),
  // A step of a file recorded by another subgraph: kept for the file's timeline, announced (feeds,
  // webhooks, notifications), searchable.
  [TOPICS.historyRecorded]: async (em, { payload }) => {
    const entry = keepTimelineCopy(em, payload);
    await announceStep(em, { ...entry, orderId: payload.search?.orderId }, payload.entry.step);
    await indexFromHistory(em, entry, payload.search);
  },
  // An order placed by one of the entities: what its renewals and complementary orders may name.
  [TOPICS.orderPlaced]: (em, { payload }) => keepOrder(em, payload),
  // The ordering subgraph has told the solicited brands: the request now awaits them.
  [TOPICS.solicitationOpened]: (em, { payload }) => follow(em, payload.requestId, 'solicit'),
  [TOPICS.proposalSubmitted]: (em, { payload }) => follow(em, payload.requestId, 'receiveProposal'),
  [TOPICS.proposalAccepted]: async (em, { payload }) => {
    // "Documents": the purchase request and the subscription order, beside the PAAC report.
    for (const document of payload.documents ?? []) await listIssuedDocument(em, payload.requestId, document);
    await follow(em, payload.requestId, 'order');
  },
  [TOPICS.alertRaised]: (em, { id, payload }) => tellBuyersOfAlert(em, payload, id),
  [TOPICS.renewalRequested]: (em, { payload }) => startRenewalDraft(em, payload),
  [TOPICS.servicesOpened]: (em, { id, payload }) => tellBuyersServicesOpened(em, payload, id),
};
