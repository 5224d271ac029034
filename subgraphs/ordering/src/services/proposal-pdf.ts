import type { BillingPeriod, BillingTiming } from '@nuage/contracts';
import {
  documentParties,
  type PdfDocument,
  pdfDocument,
  pdfEnd,
  pdfFacts,
  pdfParties,
  pdfTable,
  pdfText,
  pdfTitle,
} from '@nuage/pdf';
import type { OrderParties } from './parties.js';
import { totalsOf, type QuoteTotals } from './pricing.js';
import { euros, frenchDate, frenchDateTime, frenchDay, PERIODS, TIMINGS, vatAndTotals } from './print-format.js';

/** What a proposal's documents print: plain data, so that a worker thread lays it out. */
export interface ProposalPrint {
  kind: 'PURCHASE_REQUEST' | 'SUBSCRIPTION_ORDER';
  parties: OrderParties;
  fileNumber: string;
  projectName: string | null;
  proposalNumber: string;
  proposedAt: Date;
  validUntil: string;
  orderReference: string;
  placedAt: Date;
  subscriptionNumber: string;
  subscribedByName: string;
  commitmentMonths: number | null;
  billingPeriod: BillingPeriod;
  billingTiming: BillingTiming;
  lines: {
    productCode: string | null;
    designation: string;
    quantity: string;
    listUnitPrice: string;
    unitPrice: string;
    vatRate: string;
  }[];
}

function linesTable(doc: PdfDocument, print: ProposalPrint, totals: QuoteTotals) {
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
    print.lines.map((line, i) => [
      line.productCode ?? '—',
      line.designation,
      euros(line.listUnitPrice),
      euros(line.unitPrice),
      line.quantity.replace('.', ','),
      euros(totals.lines[i]!.listTotal),
      euros(totals.lines[i]!.totalExclVat),
    ]),
  );
}

const conditions = (print: ProposalPrint) =>
  `Durée/engagement : ${print.commitmentMonths ?? '—'} mois · Périodicité paiement : ${PERIODS[print.billingPeriod]} · Terme : ${TIMINGS[print.billingTiming]}`;

const acceptance = (print: ProposalPrint) =>
  `${print.subscribedByName}, le ${frenchDateTime(print.placedAt)} : CGE de l'UGAP et CGU de ${print.parties.supplier?.name ?? 'la marque'} acceptées sans réserve (versions en vigueur à cette date)`;

/** The subscription order ("bon de souscription"): the contract the buyer signed by accepting the proposal. */
function subscriptionOrder(doc: PdfDocument, print: ProposalPrint, totals: QuoteTotals) {
  pdfTitle(doc, `Bon de souscription Nuage Public ${print.subscriptionNumber}`, 16);
  doc.moveDown(0.5);
  pdfParties(doc, documentParties(print.parties));
  pdfFacts(doc, [
    ['N° DE DOSSIER · PROJET', `${print.fileNumber} · ${print.projectName ?? '—'}`],
    [
      'PROPOSITION',
      `${print.proposalNumber} du ${frenchDate(print.proposedAt)}, valable jusqu'au ${frenchDay(print.validUntil)}`,
    ],
    ['COMMANDE', `${print.orderReference}, passée le ${frenchDate(print.placedAt)}`],
    ['SOUSCRIT PAR', acceptance(print)],
    ['CONDITIONS', conditions(print)],
  ]);
  doc.moveDown(0.3);
  linesTable(doc, print, totals);
  doc.moveDown(0.8);
  vatAndTotals(doc, totals);
}

/**
 * The purchase request ("demande d'achat"): what the buyer enters in Chorus to raise it — UGAP as
 * supplier, the amounts per VAT rate, the numbers to quote — and what to do with the legal
 * commitment (EJ) Chorus then gives.
 */
function purchaseRequest(doc: PdfDocument, print: ProposalPrint, totals: QuoteTotals) {
  const ugap = print.parties.market?.purchasingBody;
  pdfTitle(doc, `Demande d'achat à saisir dans Chorus — ${print.proposalNumber}`, 16);
  pdfText(doc, `Pour la commande ${print.orderReference} et le bon de souscription ${print.subscriptionNumber}`, {
    muted: true,
  });
  doc.moveDown(0.5);
  pdfParties(doc, documentParties(print.parties));
  pdfTitle(doc, 'À saisir dans Chorus', 12);
  doc.moveDown(0.3);
  pdfFacts(doc, [
    [
      'FOURNISSEUR À DÉSIGNER',
      `${ugap?.name ?? 'UGAP'} (centrale d'achat) — immatriculation : ${ugap?.registration ?? 'à compléter par le titulaire du marché'}`,
    ],
    [
      'OBJET',
      `${print.parties.market?.marketName ?? 'Nuage Public'} — ${print.projectName ?? 'projet'} — dossier ${print.fileNumber}`,
    ],
    [
      'RÉFÉRENCES À RAPPELER',
      `Bon de souscription ${print.subscriptionNumber} · Dossier ${print.fileNumber} · Proposition ${print.proposalNumber} · Commande ${print.orderReference}`,
    ],
    ['SERVICE DESTINATAIRE', `Code service Chorus : ${print.parties.buyer?.chorusServiceCode ?? 'non renseigné'}`],
    ['CONDITIONS', conditions(print)],
  ]);
  pdfText(doc, 'Montants à engager, par taux de TVA', { bold: true });
  doc.moveDown(0.3);
  vatAndTotals(doc, totals);
  doc.moveDown(0.8);
  pdfTitle(doc, 'Détail de la commande', 12);
  doc.moveDown(0.3);
  linesTable(doc, print, totals);
  doc.moveDown(0.8);
  pdfTitle(doc, 'Ensuite', 12);
  pdfText(
    doc,
    `Chorus attribue à la demande d'achat validée un numéro d'engagement juridique (EJ, 10 chiffres). ` +
      `Enregistrez-le sur la commande ${print.orderReference} dans le portail : l'UGAP le lit pour valider la commande, ` +
      `et chaque facture le rappelle. Adressez ce document et le bon de souscription ${print.subscriptionNumber} à l'UGAP.`,
  );
  doc.moveDown(0.4);
  pdfText(doc, `Établi pour ${acceptance(print)}.`, { muted: true, size: 9 });
}

/** The purchase request or the subscription order of an accepted proposal, as PDF bytes. */
export function renderProposalPdf(print: ProposalPrint): Promise<Buffer> {
  const subscription = print.kind === 'SUBSCRIPTION_ORDER';
  const title = subscription
    ? `Bon de souscription ${print.subscriptionNumber}`
    : `Demande d'achat ${print.proposalNumber}`;
  const { doc, done } = pdfDocument({
    Title: title,
    Author: print.parties.market?.purchasingBody.name ?? 'UGAP',
    Subject: `Dossier ${print.fileNumber}`,
    CreationDate: print.placedAt,
  });
  const totals = totalsOf(print.lines);
  if (subscription) subscriptionOrder(doc, print, totals);
  else purchaseRequest(doc, print, totals);
  pdfEnd(doc, `${title} — dossier ${print.fileNumber} — commande ${print.orderReference}`);
  return done;
}
