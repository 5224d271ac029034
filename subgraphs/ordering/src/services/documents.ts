import type Decimal from 'decimal.js';
import { Dec, formatEuros, pdfDocument, pdfFacts, pdfTable, pdfTitle, PDF_STYLE, type FileStore } from '@nuage/shared';
import type { MikroORM } from '@mikro-orm/postgresql';
import { downloadRoute, notFound } from '@nuage/shared';
import { ProposalDocument, ProposalDocumentKind, type Order, type Proposal, type ProposalLine, type SubscriptionOrder } from '../entities';
import { totalsOf } from './pricing';
import { readableProposal } from './proposals';

const PERIODS: Record<string, string> = { ONE_OFF: 'Ponctuelle', MONTHLY: 'Mensuelle', QUARTERLY: 'Trimestrielle', ANNUAL: 'Annuelle' };
const TIMINGS: Record<string, string> = { IN_ADVANCE: 'A échoir', IN_ARREARS: 'Echu' };
// Helvetica has no narrow no-break space (the French thousands separator): a plain space instead.
const euros = (value: Decimal.Value) => formatEuros(new Dec(value), 'fr').replace(/\u202f/g, ' ');
const frenchDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' });
const frenchDate = (date: Date) => frenchDateFormat.format(date);

/**
 * The purchase request (the proposal as the buyer raises it in Chorus) or the subscription order,
 * both with the lines, the subscription terms, VAT per rate and totals as the guide shows them.
 */
export function renderProposalPdf(kind: ProposalDocumentKind, proposal: Proposal, lines: ProposalLine[], { subscription, order }: { subscription: SubscriptionOrder; order: Order }): Promise<Buffer> {
  const subscriptionOrder = kind === ProposalDocumentKind.SUBSCRIPTION_ORDER;
  const title = subscriptionOrder ? `Bon de souscription Nuage Public ${subscription.number}` : `Demande d'achat — proposition ${proposal.number}`;
  const { doc, done } = pdfDocument({ Title: title, Author: 'UGAP — Nuage Public', Subject: proposal.fileNumber, CreationDate: order.placedAt });
  pdfTitle(doc, title, 16);
  doc.moveDown(0.6);
  pdfFacts(doc, [
    ['N° DE DOSSIER', proposal.fileNumber],
    ['PROPOSITION', `${proposal.number} du ${frenchDate(proposal.createdAt)}, valable jusqu'au ${proposal.validUntil.split('-').reverse().join('/')}`],
    ['COMMANDE', order.reference],
    ['SOUSCRIT PAR', `${subscription.subscribedByName}, le ${frenchDate(order.placedAt)} (CGE et CGU acceptées)`],
    ['CONDITIONS', `Durée/engagement : ${proposal.commitmentMonths ?? '—'} mois · Périodicité paiement : ${PERIODS[proposal.billingPeriod]} · Terme : ${TIMINGS[proposal.billingTiming]}`],
  ]);
  doc.moveDown(0.5);
  const totals = totalsOf(lines);
  pdfTable(
    doc,
    [
      { title: 'Référence', width: 60 },
      { title: 'Désignation', width: 150 },
      { title: 'Prix public unitaire', width: 70, align: 'right' },
      { title: 'PU HT', width: 65, align: 'right' },
      { title: 'Qté', width: 35, align: 'right' },
      { title: 'Total prix public', width: 60, align: 'right' },
      { title: 'Total HT', width: 55, align: 'right' },
    ],
    lines.map((line, i) => [line.productCode ?? '—', line.designation, euros(line.listUnitPrice), euros(line.unitPrice), line.quantity.replace('.', ','), euros(totals.lines[i]!.listTotal), euros(totals.lines[i]!.totalExclVat)]),
  );
  doc.moveDown(0.8);
  pdfTable(
    doc,
    [{ title: 'Taux', width: 80, align: 'right' }, { title: 'Base taxable', width: 140, align: 'right' }, { title: 'Montant TVA', width: 140, align: 'right' }],
    totals.vat.map((v) => [`${v.rate.toFixed(2).replace('.', ',')} %`, euros(v.base), euros(v.amount)]),
  );
  doc.moveDown(0.6);
  doc.fillColor(PDF_STYLE.ink).font('Helvetica-Bold').fontSize(11).text(`Total HT : ${euros(totals.totalExclVat)}`, { align: 'right' }).text(`Total TTC : ${euros(totals.totalInclVat)}`, { align: 'right' });
  doc.end();
  return done;
}

/** `GET /downloads/proposal-documents/<id>`, for whoever may read the proposal. */
export const proposalDocumentRoute = (orm: MikroORM, files: FileStore, secret: string) =>
  downloadRoute(/^\/downloads\/proposal-documents\/([0-9a-f-]{36})$/, secret, async (caller, [id]) => {
    const em = orm.em.fork();
    const document = await em.findOne(ProposalDocument, { id: id! });
    if (!document) throw notFound({ fr: 'Le document', en: 'The document' }, 'id');
    await readableProposal(em, caller, document.proposal.id);
    return { body: await files.get(document.storageKey), contentType: 'application/pdf', fileName: document.fileName };
  });
