import {
  type AlertRaised,
  CONSUMPTION_TOPICS,
  type GuidedChoiceRecorded,
  HISTORY_TOPIC,
  type HistoryRecorded,
  ORDERING_TOPICS,
  type OrderPlaced,
  type ProductChanged,
  type ProposalAccepted,
  type ProposalSubmitted,
  type RenewalRequested,
  type ServicesOpened,
  type SolicitationOpened,
  type SolutionChanged,
  TOPICS,
} from '@nuage/contracts';
import { keepTimelineCopy } from '@nuage/history';
import type { DeliveredEvent, EventHandler } from '@nuage/platform';
import type { RequestsServices } from './loaders';
import { tellBuyersOfAlert, tellBuyersServicesOpened } from './services/buyer-notices';
import { keepGuidedChoice, keepOrder, keepProduct, keepSolution } from './services/copies';
import { notifyFromHistory } from './services/notifications';
import { follow, startRenewalDraft } from './services/requests';
import { indexFromHistory } from './services/search';

/** What this subgraph learns from the others (see the topics of `@nuage/contracts`). */
export const REQUESTS_CONSUME: Record<string, EventHandler<RequestsServices>> = {
  [TOPICS.solutionChanged]: (em, { payload }: DeliveredEvent<SolutionChanged>) => keepSolution(em, payload),
  [TOPICS.productChanged]: (em, { payload }: DeliveredEvent<ProductChanged>) => keepProduct(em, payload),
  [TOPICS.guidedChoiceRecorded]: (em, { payload }: DeliveredEvent<GuidedChoiceRecorded>) =>
    keepGuidedChoice(em, payload),
  // A step of a file recorded by another subgraph: kept for the file's timeline, notified, searchable.
  [HISTORY_TOPIC]: async (em, { payload }: DeliveredEvent<HistoryRecorded>) => {
    const entry = keepTimelineCopy(em, payload);
    await notifyFromHistory(em, entry);
    await indexFromHistory(em, entry, payload.search);
  },
  // An order placed by one of the entities: what its renewals and complementary orders may name.
  [ORDERING_TOPICS.orderPlaced]: (em, { payload }: DeliveredEvent<OrderPlaced>) => keepOrder(em, payload),
  // The ordering subgraph has told the solicited brands: the request now awaits them.
  [TOPICS.solicitationOpened]: (em, { payload }: DeliveredEvent<SolicitationOpened>) =>
    follow(em, payload.requestId, 'solicit'),
  [ORDERING_TOPICS.proposalSubmitted]: (em, { payload }: DeliveredEvent<ProposalSubmitted>) =>
    follow(em, payload.requestId, 'receiveProposal'),
  [ORDERING_TOPICS.proposalAccepted]: (em, { payload }: DeliveredEvent<ProposalAccepted>) =>
    follow(em, payload.requestId, 'order'),
  [CONSUMPTION_TOPICS.alertRaised]: (em, { payload }: DeliveredEvent<AlertRaised>, { mailer }) =>
    tellBuyersOfAlert(em, mailer, payload),
  [CONSUMPTION_TOPICS.renewalRequested]: (em, { payload }: DeliveredEvent<RenewalRequested>) =>
    startRenewalDraft(em, payload),
  [ORDERING_TOPICS.servicesOpened]: (em, { payload }: DeliveredEvent<ServicesOpened>, { mailer }) =>
    tellBuyersServicesOpened(em, mailer, payload),
};
