import type Decimal from 'decimal.js';
import { Dec, formatEuros } from '@nuage/platform';
import { type PdfDocument, pdfTable, pdfText } from '@nuage/pdf';
import type { QuoteTotals } from './pricing.js';
import type { BillingPeriod, BillingTiming } from '@nuage/contracts';

/** How documents write what they print, in French (the documents are the portal's, in French). */
export const PERIODS: Record<BillingPeriod, string> = {
  ONE_OFF: 'Ponctuelle',
  MONTHLY: 'Mensuelle',
  QUARTERLY: 'Trimestrielle',
  ANNUAL: 'Annuelle',
};
export const TIMINGS: Record<BillingTiming, string> = { IN_ADVANCE: 'À échoir', IN_ARREARS: 'Échu' };

export const euros = (value: Decimal.Value) => formatEuros(new Dec(value), 'fr');
export const rate = (value: Decimal.Value) => `${new Dec(value).toFixed(2).replace('.', ',')} %`;
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const frenchDate = (date: Date) => dateFormat.format(date);
export const frenchDateTime = (date: Date) => dateTimeFormat.format(date).replace(' ', ' à ');
/** "2024-10-09" → "09/10/2024". */
export const frenchDay = (day: string) => day.split('-').reverse().join('/');

/**
 * VAT per rate ("Taux, Base taxable, Montant TVA") and the totals, as every document of an order
 * prints them; a credit note prints them negative (`sign` -1).
 */
export function vatAndTotals(doc: PdfDocument, totals: QuoteTotals, sign: 1 | -1 = 1) {
  const signed = (value: Decimal.Value) => euros(new Dec(value).times(sign));
  pdfTable(
    doc,
    [
      { title: 'Taux', width: 70, align: 'right' },
      { title: 'Base taxable HT', width: 120, align: 'right' },
      { title: 'Montant TVA', width: 110, align: 'right' },
      { title: 'Total TTC', width: 110, align: 'right' },
    ],
    totals.vat.map((v) => [rate(v.rate), signed(v.base), signed(v.amount), signed(v.base.plus(v.amount))]),
  );
  doc.moveDown(0.6);
  pdfText(doc, `Total HT : ${signed(totals.totalExclVat)}`, { bold: true, size: 11, align: 'right' });
  pdfText(doc, `Total TVA : ${signed(totals.totalVat)}`, { align: 'right' });
  pdfText(doc, `Total TTC : ${signed(totals.totalInclVat)}`, { bold: true, size: 11, align: 'right' });
}
