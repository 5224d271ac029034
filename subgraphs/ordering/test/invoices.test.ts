import { describe, expect, it } from 'vitest';
import { Dec } from '@nuage/platform';
import { scheduleOf } from '../src/services/invoices.js';

const rows = (invoices: ReturnType<typeof scheduleOf>) =>
  invoices.map((i) => [i.periodStart, i.periodEnd, i.issueDate, i.amountExclVat.toFixed(2), i.vatAmount.toFixed(2)]);
const GUIDE = { totalExclVat: new Dec('9690.00'), totalVat: new Dec('1938.00') };

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
      { totalExclVat: new Dec('100.00'), totalVat: new Dec('20.00') },
    );
    expect(rows(invoices)).toEqual([
      ['2025-01-31', '2025-02-27', '2025-02-27', '33.34', '6.67'],
      ['2025-02-28', '2025-03-30', '2025-03-30', '33.33', '6.67'],
      ['2025-03-31', '2025-04-29', '2025-04-29', '33.33', '6.66'],
    ]);
    expect(invoices.reduce((sum, i) => sum.plus(i.amountExclVat), new Dec(0)).toFixed(2)).toBe('100.00');
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
