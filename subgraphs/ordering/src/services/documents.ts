import { documentRenderer } from '@nuage/pdf/rendering';
import type { ProposalDocumentKind, Proposal, ProposalLine } from '../entities/index.js';
import type { BillingPrint } from './billing-pdf.js';
import type { ProposalPrint } from './proposal-pdf.js';

/** What an acceptance gives the documents: the numbers of the order and subscription order it creates, when and by whom. */
export interface AcceptanceFacts {
  orderReference: string;
  subscriptionNumber: string;
  placedAt: Date;
  subscribedByName: string;
}

/** Where the gateway serves a proposal's document (GET with the caller's bearer token). */
export const proposalDocumentPath = (id: string) => `/downloads/ordering/proposal-documents/${id}`;

/** What the purchase request or the subscription order of an accepted proposal prints. */
export const proposalPrint = (
  kind: ProposalDocumentKind,
  proposal: Proposal,
  lines: ProposalLine[],
  acceptance: AcceptanceFacts,
  printed: Pick<ProposalPrint, 'parties' | 'projectName'>,
): ProposalPrint => ({
  kind,
  ...printed,
  fileNumber: proposal.fileNumber,
  proposalNumber: proposal.number,
  proposedAt: proposal.createdAt,
  validUntil: proposal.validUntil,
  orderReference: acceptance.orderReference,
  placedAt: acceptance.placedAt,
  subscriptionNumber: acceptance.subscriptionNumber,
  subscribedByName: acceptance.subscribedByName,
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

/** Every document ordering prints. */
export type OrderingPrint = ProposalPrint | BillingPrint;

/** Lays ordering's documents out in a worker thread (see `documents.worker.ts`). */
export const orderingDocuments = documentRenderer<OrderingPrint>(new URL('./documents.worker', import.meta.url));
