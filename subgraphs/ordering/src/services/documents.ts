import type { MikroORM } from '@mikro-orm/postgresql';
import { documentRenderer } from '@nuage/pdf';
import { downloadRoute, notFound } from '@nuage/platform';
import type { FileStore } from '@nuage/files';
import {
  ProposalDocument,
  type ProposalDocumentKind,
  type Order,
  type Proposal,
  type ProposalLine,
  type SubscriptionOrder,
} from '../entities';
import type { ProposalPrint } from './proposal-pdf';
import { readableProposal } from './proposals';

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
    const em = orm.em.fork();
    const document = await em.findOne(ProposalDocument, { id: id! });
    if (!document) throw notFound({ fr: 'Le document', en: 'The document' }, 'id');
    await readableProposal(em, caller, document.proposal.id);
    return { body: await files.get(document.storageKey), contentType: 'application/pdf', fileName: document.fileName };
  });
