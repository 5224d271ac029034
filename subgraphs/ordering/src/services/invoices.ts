import { toCents } from '@nuage/platform';
import type Decimal from 'decimal.js';

const MONTHS_PER_PERIOD: Record<string, number> = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };

/** What one invoice charges for one order line. */
export interface ScheduledLine {
  orderLineId: string;
  designation: string;
  amountExclVat: Decimal;
  vatRate: string;
}

export interface ScheduledInvoice {
  periodStart: string;
  periodEnd: string;
  issueDate: string;
  lines: ScheduledLine[];
}

const addMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
  // 31 January + 1 month is the end of February, not 3 March.
  if (target.getUTCDate() !== date.getUTCDate()) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
};
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string) => addDays(day, 1);

/** Splits an amount into `parts` cents-exact shares; the first ones take the leftover cents. */
function split(total: Decimal, parts: number): Decimal[] {
  const cents = total.times(100);
  const share = cents.dividedToIntegerBy(parts);
  const left = cents.minus(share.times(parts)).toNumber();
  return Array.from({ length: parts }, (_, i) => share.plus(i < left ? 1 : 0).dividedBy(100));
}

/** The order lines as the schedule splits them: each line's total excl. VAT. */
export interface BilledLine {
  id: string;
  designation: string;
  totalExclVat: Decimal;
  vatRate: string;
}

/**
 * The invoices of an order from its activation to its term: one at activation for a one-off or
 * uncommitted order; otherwise one per billing period over the commitment, dated at the start of
 * the period in advance ("à échoir") or at its end in arrears ("échu"). Each line's total is split
 * in exact cents over the invoices, so that they add up to the order's total excl. VAT; each
 * invoice's VAT is then computed on its own lines, per rate, as any invoice's (`vatOf`).
 */
export function scheduleOf(
  order: {
    startDate: string;
    commitmentMonths: number | null;
    billingPeriod: string | null;
    billingTiming: string | null;
  },
  lines: BilledLine[],
): ScheduledInvoice[] {
  const periodMonths = MONTHS_PER_PERIOD[order.billingPeriod ?? ''];
  const linesOf = (shares: Decimal[][], i: number) =>
    lines.map((line, l) => ({
      orderLineId: line.id,
      designation: line.designation,
      amountExclVat: shares[l]![i]!,
      vatRate: line.vatRate,
    }));
  if (!order.commitmentMonths || !periodMonths) {
    const end = order.commitmentMonths
      ? dayBefore(addMonths(order.startDate, order.commitmentMonths))
      : order.startDate;
    return [
      {
        periodStart: order.startDate,
        periodEnd: end,
        issueDate: order.startDate,
        lines: linesOf(
          lines.map((line) => [toCents(line.totalExclVat)]),
          0,
        ),
      },
    ];
  }
  const periods = Math.ceil(order.commitmentMonths / periodMonths);
  const shares = lines.map((line) => split(line.totalExclVat, periods));
  return Array.from({ length: periods }, (_, i) => {
    const periodStart = addMonths(order.startDate, i * periodMonths);
    const periodEnd = dayBefore(addMonths(order.startDate, Math.min((i + 1) * periodMonths, order.commitmentMonths!)));
    return {
      periodStart,
      periodEnd,
      issueDate: order.billingTiming === 'IN_ARREARS' ? periodEnd : periodStart,
      lines: linesOf(shares, i),
    };
  });
}

export { addDays, addMonths, dayAfter, dayBefore, split };
