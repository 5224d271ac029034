import { describe, expect, it } from 'vitest';
import { Dec } from '@nuage/platform';
import { allocate } from '../src/services/billing.js';
import { vatOf } from '../src/services/pricing.js';
import { scheduleOf } from '../src/services/invoices.js';

// Each invoice's VAT is its own lines', per rate (the rounding rule of proposals).
const rows = (invoices: ReturnType<typeof scheduleOf>) =>
  invoices.map((i) => {
    const vat = vatOf(i.lines);
    return [i.periodStart, i.periodEnd, i.issueDate, vat.totalExclVat.toFixed(2), vat.totalVat.toFixed(2)];
  });
const line = (id: string, total: string, vatRate = '20.00') => ({
  id,
  designation: `Ligne ${id}`,
  totalExclVat: new Dec(total),
  vatRate,
});
const GUIDE = [line('outscale-145893', '9690.00')];

describe('billing schedules', () => {
  it('bill a 36-month annual subscription in advance in three equal invoices at the start of each year', () => {
    expect(
      rows(
        scheduleOf(
          { startDate: '2024-10-09', commitmentMonths: 36, billingPeriod: 'ANNUAL', billingTiming: 'IN_ADVANCE' },
          GUIDE,
        ),
      ),
    ).toEqual([
      ['2024-10-09', '2025-10-08', '2024-10-09', '3230.00', '646.00'],
      ['2025-10-09', '2026-10-08', '2025-10-09', '3230.00', '646.00'],
      ['2026-10-09', '2027-10-08', '2026-10-09', '3230.00', '646.00'],
    ]);
  });

  it('bill in arrears at the end of each period, with cents split so the invoices add up exactly', () => {
    const invoices = scheduleOf(
      { startDate: '2025-01-31', commitmentMonths: 3, billingPeriod: 'MONTHLY', billingTiming: 'IN_ARREARS' },
      [line('a', '100.00')],
    );
    // 6.668 and 6.666 both round to 6.67: each invoice's VAT is computed on its own base.
    expect(rows(invoices)).toEqual([
      ['2025-01-31', '2025-02-27', '2025-02-27', '33.34', '6.67'],
      ['2025-02-28', '2025-03-30', '2025-03-30', '33.33', '6.67'],
      ['2025-03-31', '2025-04-29', '2025-04-29', '33.33', '6.67'],
    ]);
    expect(invoices.reduce((sum, i) => sum.plus(vatOf(i.lines).totalExclVat), new Dec(0)).toFixed(2)).toBe('100.00');
  });

  it('split every line over the periods, each invoice charging each line with its own VAT rate', () => {
    const invoices = scheduleOf(
      { startDate: '2026-01-01', commitmentMonths: 12, billingPeriod: 'QUARTERLY', billingTiming: 'IN_ADVANCE' },
      [line('vm', '1000.01'), line('formation', '400.00', '5.50')],
    );
    expect(invoices.map((i) => i.lines.map((l) => [l.orderLineId, l.amountExclVat.toFixed(2), l.vatRate]))).toEqual([
      [
        ['vm', '250.01', '20.00'],
        ['formation', '100.00', '5.50'],
      ],
      [
        ['vm', '250.00', '20.00'],
        ['formation', '100.00', '5.50'],
      ],
      [
        ['vm', '250.00', '20.00'],
        ['formation', '100.00', '5.50'],
      ],
      [
        ['vm', '250.00', '20.00'],
        ['formation', '100.00', '5.50'],
      ],
    ]);
    expect(vatOf(invoices[0]!.lines).vat.map((v) => [v.rate.toFixed(2), v.amount.toFixed(2)])).toEqual([
      ['20.00', '50.00'],
      ['5.50', '5.50'],
    ]);
  });

  it('bill a one-off order once, at activation', () => {
    expect(
      rows(
        scheduleOf(
          { startDate: '2026-11-26', commitmentMonths: null, billingPeriod: 'ONE_OFF', billingTiming: 'IN_ADVANCE' },
          GUIDE,
        ),
      ),
    ).toEqual([['2026-11-26', '2026-11-26', '2026-11-26', '9690.00', '1938.00']]);
  });
});

describe('credits shared over the lines of an invoice', () => {
  it.each([
    ['100.00', ['300.00', '100.00'], ['75.00', '25.00']],
    // A cent that cannot be shared goes to the largest remainder.
    ['0.01', ['1.00', '1.00'], ['0.01', '0.00']],
    ['10.00', ['1.00', '1.00', '1.00'], ['3.34', '3.33', '3.33']],
    ['50.00', ['0.00', '0.00'], ['25.00', '25.00']],
  ])('%s over %j gives %j', (amount, weights, shares) => {
    const result = allocate(
      new Dec(amount),
      weights.map((w) => new Dec(w)),
    ).map((d) => d.toFixed(2));
    expect(result).toEqual(shares);
    expect(result.reduce((sum, s) => sum.plus(s), new Dec(0)).toFixed(2)).toBe(amount);
  });
});
