import type Decimal from 'decimal.js';
import { Dec } from '@nuage/platform';
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
import { vatOf } from './pricing.js';
import { euros, frenchDay, rate, vatAndTotals } from './print-format.js';

/** A line of an invoice or a credit note, as printed. */
export interface BilledLinePrint {
  designation: string;
  periodStart: string;
  periodEnd: string;
  amountExclVat: string;
  vatRate: string;
}

/** What both billing documents print about their order. */
interface OrderFacts {
  parties: OrderParties;
  orderReference: string;
  fileNumber: string | null;
  projectName: string | null;
  subscriptionNumber: string | null;
  ugapReference: string | null;
  chorusPurchaseRequestNumber: string | null;
  /** The buyer's Chorus legal commitment (EJ) the invoice is charged to. */
  legalCommitmentNumber: string | null;
  lines: BilledLinePrint[];
}

export interface InvoicePrint extends OrderFacts {
  kind: 'INVOICE';
  number: string;
  status: 'SCHEDULED' | 'ISSUED' | 'SUSPENDED' | 'PAID' | 'CANCELLED';
  statusLabel: string;
  issueDate: string;
  dueDate: string | null;
  periodStart: string;
  periodEnd: string;
  /** Its credit notes: number and amount incl. VAT. */
  credits: { number: string; amountInclVat: string }[];
  paidOn: string | null;
  paidAmount: string | null;
}

export interface CreditNotePrint extends OrderFacts {
  kind: 'CREDIT_NOTE';
  number: string;
  issuedOn: string;
  invoiceNumber: string;
  incidentNumber: string | null;
  reason: string;
  statedBy: string;
}

export type BillingPrint = InvoicePrint | CreditNotePrint;

const orderFacts = (print: OrderFacts): [string, string][] => [
  [
    'COMMANDE · BON DE SOUSCRIPTION · DOSSIER',
    `${print.orderReference} · ${print.subscriptionNumber ?? '—'} · ${print.fileNumber ?? '—'}`,
  ],
  ['PROJET', print.projectName ?? '—'],
  [
    'CHORUS',
    `Engagement juridique (EJ) : ${print.legalCommitmentNumber ?? 'non communiqué'} · Code service : ${print.parties.buyer?.chorusServiceCode ?? 'non renseigné'} · Demande d'achat UGAP : ${print.chorusPurchaseRequestNumber ?? '—'} (réf. UGAP ${print.ugapReference ?? '—'})`,
  ],
];

/** The lines, VAT per rate and totals; the EJ is repeated on every line, as Chorus matches lines to it. */
function amounts(doc: PdfDocument, print: OrderFacts, sign: 1 | -1) {
  const signed = (value: Decimal.Value) => euros(new Dec(value).times(sign));
  pdfTable(
    doc,
    [
      { title: 'Désignation', width: 180 },
      { title: 'Période', width: 110 },
      { title: 'EJ', width: 70 },
      { title: 'TVA', width: 50, align: 'right' },
      { title: 'Montant HT', width: 85, align: 'right' },
    ],
    print.lines.map((line) => [
      line.designation,
      `du ${frenchDay(line.periodStart)} au ${frenchDay(line.periodEnd)}`,
      print.legalCommitmentNumber ?? '—',
      rate(line.vatRate),
      signed(line.amountExclVat),
    ]),
  );
  doc.moveDown(0.8);
  const totals = vatOf(print.lines);
  vatAndTotals(doc, totals, sign);
  return totals;
}

function invoice(doc: PdfDocument, print: InvoicePrint) {
  const planned = print.status === 'SCHEDULED';
  pdfTitle(doc, planned ? `Facture à émettre ${print.number}` : `Facture ${print.number}`, 16);
  pdfText(
    doc,
    planned
      ? `Document prévisionnel : cette échéance sera facturée par l'UGAP le ${frenchDay(print.issueDate)}.`
      : `Émise par ${print.parties.market?.purchasingBody.name ?? "l'UGAP"} · Statut : ${print.statusLabel}`,
    { muted: true },
  );
  doc.moveDown(0.4);
  pdfParties(doc, documentParties(print.parties));
  pdfFacts(doc, [
    [
      planned ? 'ÉMISSION PRÉVUE' : 'ÉMISE LE · PAIEMENT DÛ LE',
      planned
        ? frenchDay(print.issueDate)
        : `${frenchDay(print.issueDate)} · ${print.dueDate ? frenchDay(print.dueDate) : '—'}`,
    ],
    ['PÉRIODE FACTURÉE', `du ${frenchDay(print.periodStart)} au ${frenchDay(print.periodEnd)}`],
    ...orderFacts(print),
  ]);
  const totals = amounts(doc, print, 1);
  if (print.credits.length) {
    doc.moveDown(0.4);
    let net = totals.totalInclVat;
    for (const credit of print.credits) {
      pdfText(doc, `Avoir ${credit.number} : − ${euros(credit.amountInclVat)} TTC`, { align: 'right' });
      net = net.minus(credit.amountInclVat);
    }
    pdfText(doc, `Net à payer : ${euros(net)}`, { bold: true, size: 11, align: 'right' });
  }
  if (print.paidOn)
    pdfText(doc, `Payée le ${frenchDay(print.paidOn)} : ${euros(print.paidAmount ?? '0')}`, { align: 'right' });
}

function creditNote(doc: PdfDocument, print: CreditNotePrint) {
  pdfTitle(doc, `Avoir ${print.number}`, 16);
  pdfText(doc, `Sur la facture ${print.invoiceNumber}, émis le ${frenchDay(print.issuedOn)}`, { muted: true });
  doc.moveDown(0.4);
  pdfParties(doc, documentParties(print.parties));
  pdfFacts(doc, [
    ['INCIDENT RÉSOLU', `${print.incidentNumber ?? '—'} : ${print.reason}`],
    ['ÉTABLI PAR', print.statedBy],
    ...orderFacts(print),
  ]);
  amounts(doc, print, -1);
}

/** An invoice or a credit note, as PDF bytes. */
export function renderBillingPdf(print: BillingPrint): Promise<Buffer> {
  const title = print.kind === 'INVOICE' ? `Facture ${print.number}` : `Avoir ${print.number}`;
  const { doc, done } = pdfDocument({
    Title: title,
    Author: print.parties.market?.purchasingBody.name ?? 'UGAP',
    Subject: `Commande ${print.orderReference}`,
  });
  if (print.kind === 'INVOICE') invoice(doc, print);
  else creditNote(doc, print);
  pdfEnd(doc, `${title} — commande ${print.orderReference} — EJ ${print.legalCommitmentNumber ?? 'non communiqué'}`);
  return done;
}
