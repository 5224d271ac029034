import { Dec, toCents } from '@nuage/platform';
import type Decimal from 'decimal.js';

export interface PricedLine {
  quantity: Decimal.Value;
  listUnitPrice: Decimal.Value;
  unitPrice: Decimal.Value;
  vatRate: Decimal.Value;
}

export interface LineTotals {
  listTotal: Decimal;
  totalExclVat: Decimal;
}

export interface VatLine {
  rate: Decimal;
  base: Decimal;
  amount: Decimal;
}

export interface QuoteTotals {
  lines: LineTotals[];
  listTotal: Decimal;
  totalExclVat: Decimal;
  vat: VatLine[];
  totalVat: Decimal;
  totalInclVat: Decimal;
}

/**
 * The totals of a proposal or an order, in exact decimals. The rounding rule, as on French
 * invoices: each line total (unit price × quantity) is rounded to the cent half away from zero;
 * VAT is computed per rate on the sum of that rate's rounded line totals and rounded the same way;
 * the total incl. VAT is the total excl. VAT plus the rounded VAT amounts. Nothing is ever a float.
 */
export function totalsOf(lines: PricedLine[]): QuoteTotals {
  const lineTotals = lines.map((line) => ({
    listTotal: toCents(new Dec(line.listUnitPrice).times(line.quantity)),
    totalExclVat: toCents(new Dec(line.unitPrice).times(line.quantity)),
  }));
  const bases = new Map<string, Decimal>();
  lines.forEach((line, i) => {
    const rate = new Dec(line.vatRate).toFixed(2);
    bases.set(rate, (bases.get(rate) ?? new Dec(0)).plus(lineTotals[i]!.totalExclVat));
  });
  const vat = [...bases]
    .sort(([a], [b]) => new Dec(b).comparedTo(a))
    .map(([rate, base]) => ({ rate: new Dec(rate), base, amount: toCents(base.times(rate).dividedBy(100)) }));
  const totalExclVat = lineTotals.reduce((sum, l) => sum.plus(l.totalExclVat), new Dec(0));
  const totalVat = vat.reduce((sum, v) => sum.plus(v.amount), new Dec(0));
  return {
    lines: lineTotals,
    listTotal: lineTotals.reduce((sum, l) => sum.plus(l.listTotal), new Dec(0)),
    totalExclVat,
    vat,
    totalVat,
    totalInclVat: totalExclVat.plus(totalVat),
  };
}

/** VAT per rate of amounts excl. VAT (invoice and credit note lines), by the same rule (`totalsOf`). */
export const vatOf = (lines: { amountExclVat: Decimal.Value; vatRate: Decimal.Value }[]): QuoteTotals =>
  totalsOf(
    lines.map((l) => ({ quantity: 1, listUnitPrice: l.amountExclVat, unitPrice: l.amountExclVat, vatRate: l.vatRate })),
  );

type Billed = { amountExclVat: Decimal.Value; vatAmount: Decimal.Value };

/** An invoice's or a credit note's amount incl. VAT. */
export const inclVat = (billed: Billed): Decimal => new Dec(billed.amountExclVat).plus(billed.vatAmount);

/** What the buyer owes on an invoice: its amount incl. VAT less its credit notes'. */
export const netDueOf = (invoice: Billed, credits: Billed[]): Decimal =>
  credits.reduce((due, credit) => due.minus(inclVat(credit)), inclVat(invoice));
