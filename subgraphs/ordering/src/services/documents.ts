import { documentRenderer } from '@nuage/pdf';
import type { ProposalDocumentKind, Order, Proposal, ProposalLine, SubscriptionOrder } from '../entities';
import type { ProposalPrint } from './proposal-pdf';

/** What the purchase request or the subscription order of an accepted proposal prints. */
export const proposalPrint = (
  kind: ProposalDocumentKind,
  proposal: Proposal,
  lines: ProposalLine[],
  { subscription, order }: { subscription: SubscriptionOrder; order: Order },
): ProposalPrint => ({
  kind,
  fileNumber: proposal.fileNumber,
  proposalNumber: proposal.number,
  proposedAt: proposal.createdAt,
  validUntil: proposal.validUntil,
  orderReference: order.reference,
  placedAt: order.placedAt,
  subscriptionNumber: subscription.number,
  subscribedByName: subscription.subscribedByName,
  commitmentMonths: proposal.commitmentMonths,
  billingPeriod: proposal.billingPeriod,
  billingTiming: proposal.billingTiming,
  lines: lines.map(({ productCode, designation, quantity, listUnitPrice, unitPrice, vatRate }) => ({
    productCode,
    designation,
    quantity,
    listUnitPrice,
    unitPrice,
    vatRate,
  })),
});

/** Lays proposals' documents out in a worker thread (see `documents.worker.ts`). */
export const proposalDocuments = documentRenderer<ProposalPrint>(new URL('./documents.worker', import.meta.url));
