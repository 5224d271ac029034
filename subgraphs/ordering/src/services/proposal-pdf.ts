import type Decimal from 'decimal.js';
import { Dec, formatEuros } from '@nuage/platform';
import { pdfDocument, pdfFacts, pdfTable, pdfTitle, PDF_STYLE } from '@nuage/pdf';
import { totalsOf } from './pricing.js';

const PERIODS: Record<string, string> = {
  ONE_OFF: 'Ponctuelle',
  MONTHLY: 'Mensuelle',
  QUARTERLY: 'Trimestrielle',
  ANNUAL: 'Annuelle',
};
const TIMINGS: Record<string, string> = { IN_ADVANCE: 'A échoir', IN_ARREARS: 'Echu' };
// Helvetica has no narrow no-break space (the French thousands separator): a plain space instead.
const euros = (value: Decimal.Value) => formatEuros(new Dec(value), 'fr').replace(/\u202f/g, ' ');
const frenchDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' });
const frenchDate = (date: Date) => frenchDateFormat.format(date);

/** What a proposal's documents print: plain data, so that a worker thread lays it out. */
export interface ProposalPrint {
  kind: 'PURCHASE_REQUEST' | 'SUBSCRIPTION_ORDER';
  fileNumber: string;
  proposalNumber: string;
  proposedAt: Date;
  validUntil: string;
  orderReference: string;
  placedAt: Date;
  subscriptionNumber: string;
  subscribedByName: string;
  commitmentMonths: number | null;
  billingPeriod: string;
  billingTiming: string;
  lines: {
    productCode: string | null;
    designation: string;
    quantity: string;
    listUnitPrice: string;
    unitPrice: string;
    vatRate: string;
  }[];
}

/**
 * The purchase request (the proposal as the buyer raises it in Chorus) or the subscription order,
 * both with the lines, the subscription terms, VAT per rate and totals as the guide shows them.
 */
export function renderProposalPdf(print: ProposalPrint): Promise<Buffer> {
  const subscriptionOrder = print.kind === 'SUBSCRIPTION_ORDER';
  const title = subscriptionOrder
    ? `Bon de souscription Nuage Public ${print.subscriptionNumber}`
    : `Demande d'achat — proposition ${print.proposalNumber}`;
  const { doc, done } = pdfDocument({
    Title: title,
    Author: 'UGAP — Nuage Public',
    Subject: print.fileNumber,
    CreationDate: print.placedAt,
  });
  pdfTitle(doc, title, 16);
  doc.moveDown(0.6);
  pdfFacts(doc, [
    ['N° DE DOSSIER', print.fileNumber],
    [
      'PROPOSITION',
      `${print.proposalNumber} du ${frenchDate(print.proposedAt)}, valable jusqu'au ${print.validUntil.split('-').reverse().join('/')}`,
    ],
    ['COMMANDE', print.orderReference],
    ['SOUSCRIT PAR', `${print.subscribedByName}, le ${frenchDate(print.placedAt)} (CGE et CGU acceptées)`],
    [
      'CONDITIONS',
      `Durée/engagement : ${print.commitmentMonths ?? '—'} mois · Périodicité paiement : ${PERIODS[print.billingPeriod]} · Terme : ${TIMINGS[print.billingTiming]}`,
    ],
  ]);
  doc.moveDown(0.5);
  const { lines } = print;
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
    lines.map((line, i) => [
      line.productCode ?? '—',
      line.designation,
      euros(line.listUnitPrice),
      euros(line.unitPrice),
      line.quantity.replace('.', ','),
      euros(totals.lines[i]!.listTotal),
      euros(totals.lines[i]!.totalExclVat),
    ]),
  );
  doc.moveDown(0.8);
  pdfTable(
    doc,
    [
      { title: 'Taux', width: 80, align: 'right' },
      { title: 'Base taxable', width: 140, align: 'right' },
      { title: 'Montant TVA', width: 140, align: 'right' },
    ],
    totals.vat.map((v) => [`${v.rate.toFixed(2).replace('.', ',')} %`, euros(v.base), euros(v.amount)]),
  );
  doc.moveDown(0.6);
  doc
    .fillColor(PDF_STYLE.ink)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Total HT : ${euros(totals.totalExclVat)}`, { align: 'right' })
    .text(`Total TTC : ${euros(totals.totalInclVat)}`, { align: 'right' });
  doc.end();
  return done;
}
