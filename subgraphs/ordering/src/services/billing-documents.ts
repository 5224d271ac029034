import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInParis, type Identity } from '@nuage/platform';
import { CreditNote, INVOICE_STATUS_LABELS, type Order, OrderIncident, SubscriptionOrder } from '../entities/index.js';
import { creditNotesFor, invoicesFor } from './access.js';
import { legalCommitmentOf } from './billing.js';
import { inclVat } from './pricing.js';
import type { BilledLinePrint, CreditNotePrint, InvoicePrint } from './billing-pdf.js';
import { orderingDocuments } from './documents.js';
import { facturX } from './factur-x.js';
import { partiesOf } from './parties.js';

/** Where the gateway serves an invoice's or a credit note's PDF (GET with the caller's bearer token). */
export const invoicePdfPath = (id: string) => `/downloads/ordering/invoices/${id}.pdf`;
export const creditNotePdfPath = (id: string) => `/downloads/ordering/credit-notes/${id}.pdf`;
export const invoiceFacturXPath = (id: string) => `/downloads/ordering/invoices/${id}.xml`;

async function orderFacts(
  em: EntityManager,
  order: Order,
  legalCommitmentNumber: string | null,
  lines: BilledLinePrint[],
) {
  const subscription = await em.findOne(SubscriptionOrder, { orderId: order.id });
  return {
    parties: await partiesOf(em, order.brandId, order.buyer),
    orderReference: order.reference,
    fileNumber: order.fileNumber,
    projectName: order.projectName,
    subscriptionNumber: subscription?.number ?? null,
    ugapReference: order.ugapReference,
    chorusPurchaseRequestNumber: order.chorusPurchaseRequestNumber,
    legalCommitmentNumber,
    lines,
  };
}

/** What an invoice prints, for whoever may read it (NOT_FOUND otherwise), from what is recorded. */
async function invoicePrint(em: EntityManager, caller: Identity, id: string): Promise<InvoicePrint> {
  const invoice = await invoicesFor(em, caller).get(id, { populate: ['order', 'lines'] });
  const credits = await em.find(CreditNote, { invoice }, { orderBy: { createdAt: 'asc' } });
  const print: InvoicePrint = {
    kind: 'INVOICE',
    ...(await orderFacts(
      em,
      invoice.order,
      legalCommitmentOf(invoice, invoice.order),
      invoice.lines.getItems().map((line) => ({
        designation: line.designation,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        amountExclVat: line.amountExclVat,
        vatRate: line.vatRate,
      })),
    )),
    number: invoice.number,
    status: invoice.status,
    statusLabel: INVOICE_STATUS_LABELS[invoice.status].fr,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    credits: credits.map((c) => ({
      number: c.number,
      amountInclVat: inclVat(c).toFixed(2),
    })),
    paidOn: invoice.paidOn,
    paidAmount: invoice.paidAmount,
  };
  return print;
}

/** An invoice's PDF, laid out from what is recorded, as often as asked. */
export async function invoicePdf(em: EntityManager, caller: Identity, id: string) {
  const print = await invoicePrint(em, caller, id);
  return {
    body: await orderingDocuments.render(print),
    contentType: 'application/pdf',
    fileName: `${print.number}.pdf`,
  };
}

/** An invoice's data as Factur-X (EN 16931) CII XML, for accounting systems and Chorus Pro. */
export async function invoiceFacturX(em: EntityManager, caller: Identity, id: string) {
  const print = await invoicePrint(em, caller, id);
  return {
    body: Buffer.from(await facturX(print)),
    contentType: 'application/xml; charset=utf-8',
    fileName: `${print.number}-factur-x.xml`,
  };
}

/** A credit note's PDF, for whoever may read it (NOT_FOUND otherwise). */
export async function creditNotePdf(em: EntityManager, caller: Identity, id: string) {
  const note = await creditNotesFor(em, caller).get(id, { populate: ['order', 'invoice', 'lines'] });
  const incident = await em.findOne(OrderIncident, { incidentId: note.incidentId });
  const print: CreditNotePrint = {
    kind: 'CREDIT_NOTE',
    ...(await orderFacts(
      em,
      note.order,
      legalCommitmentOf(note.invoice, note.order),
      note.lines.getItems().map((line) => ({
        designation: line.designation,
        periodStart: note.invoice.periodStart,
        periodEnd: note.invoice.periodEnd,
        amountExclVat: line.amountExclVat,
        vatRate: line.vatRate,
      })),
    )),
    number: note.number,
    issuedOn: todayInParis(note.createdAt),
    invoiceNumber: note.invoice.number,
    incidentNumber: incident?.number ?? null,
    reason: note.reason,
    statedBy: note.statedByName,
  };
  return {
    body: await orderingDocuments.render(print),
    contentType: 'application/pdf',
    fileName: `${note.number}.pdf`,
  };
}
