import { describe, expect, it } from 'vitest';
import { Dec } from '@nuage/shared';
import { outlook, sum } from './figures';
import { parseCsv } from './usage';

const figures = (committed: string, consumed: string, recent: string, recentDays: number, dueDate: string) => ({
  committed: new Dec(committed),
  consumed: new Dec(consumed),
  recent: new Dec(recent),
  recentDays,
  monthly: new Map([['2026-11', new Dec(consumed)]]),
  dueDate,
  startDate: '2026-01-01',
});

describe('the consumption forecast (run rate over the last 30 days)', () => {
  it('on a known series: 9 690,00 committed, 8 000,00 used, 200,00 a day lately → runs out in 9 days, before its due date', () => {
    const view = outlook(figures('9690.00', '8000.00', '6000.00', 30, '2026-12-31'), '2026-11-26');
    expect(view.percentUsed.toFixed(2)).toBe('82.56');
    expect(view.dailyRunRate.toFixed(2)).toBe('200.00');
    expect(view.forecastExhaustionDate).toBe('2026-12-05'); // ceil(1 690 / 200) = 9 days
    expect(view.runsOutBeforeDue).toBe(true);
    // By 31 December at that pace: 8 000 + 35 × 200 = 15 000, i.e. 5 310,00 beyond the commitment.
    expect(view.proposedRenewal.toFixed(2)).toBe('5310.00');
  });

  it('says nothing runs out when nothing is used lately, and that a used-up commitment ran out today', () => {
    expect(outlook(figures('1000', '100', '0', 30, '2027-01-01'), '2026-11-26')).toMatchObject({ forecastExhaustionDate: null, runsOutBeforeDue: false });
    expect(outlook(figures('1000', '1200', '300', 30, '2027-01-01'), '2026-11-26')).toMatchObject({ forecastExhaustionDate: '2026-11-26', runsOutBeforeDue: true });
  });

  it('adds up lines for an order, a project or an entity', () => {
    const total = sum([figures('100', '50', '30', 30, '2027-01-01'), figures('300', '150', '60', 10, '2027-06-30')])!;
    expect([total.committed.toFixed(2), total.consumed.toFixed(2), total.dueDate]).toEqual(['400.00', '200.00', '2027-06-30']);
  });
});

describe('FOCUS CSV', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\r\n"multi\nline",2\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', '2']]);
  });
});
