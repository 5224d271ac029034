import type { MikroORM } from '@mikro-orm/postgresql';
import { documentRenderer } from '@nuage/pdf';
import { downloadRoute } from '@nuage/platform';
import type { FileStore } from '@nuage/files';
import type { ProposalDocumentKind, Order, Proposal, ProposalLine, SubscriptionOrder } from '../entities';
import type { ProposalPrint } from './proposal-pdf';
import { proposalDocumentsFor } from './access';

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

/** `GET /downloads/proposal-documents/<id>`, for whoever may read the proposal. */
export const proposalDocumentRoute = (orm: MikroORM, files: FileStore, secret: string) =>
  downloadRoute(/^\/downloads\/proposal-documents\/([0-9a-f-]{36})$/, secret, async (caller, [id]) => {
    const document = await proposalDocumentsFor(orm.em.fork(), caller).get(id!);
    return { body: await files.get(document.storageKey), contentType: 'application/pdf', fileName: document.fileName };
  });
