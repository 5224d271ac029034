import { describe, expect, it } from 'vitest';
import { Dec } from '@nuage/platform';
import { ForecastConfidence, outlook, sum } from '../src/services/figures.js';
import { parseCsv } from '../src/services/usage.js';

const figures = (committed: string, consumed: string, recent: string, recentDays: number, dueDate: string) => ({
  committed: new Dec(committed),
  credited: new Dec(0),
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
    expect(view.proposedRenewal?.toFixed(2)).toBe('5310.00');
  });

  it('says nothing runs out when nothing is used lately, and that a used-up commitment ran out today', () => {
    expect(outlook(figures('1000', '100', '0', 30, '2027-01-01'), '2026-11-26')).toMatchObject({
      forecastExhaustionDate: null,
      runsOutBeforeDue: false,
    });
    expect(outlook(figures('1000', '1200', '300', 30, '2027-01-01'), '2026-11-26')).toMatchObject({
      forecastExhaustionDate: '2026-11-26',
      runsOutBeforeDue: true,
    });
  });

  it.each([
    // days of history (since the start, today included), consumed, last-30-days total → confidence, exhaustion, proposed renewal
    [1, '5000.00', '5000.00', ForecastConfidence.NONE, null, null],
    [6, '5000.00', '5000.00', ForecastConfidence.NONE, null, null],
    // 100,00 a day: 9 300,00 left last 93 days; by the due date (364 days) it would take 27 100,00 more, capped at the commitment.
    [7, '700.00', '700.00', ForecastConfidence.LOW, '2027-02-27', '10000.00'],
    [30, '3000.00', '3000.00', ForecastConfidence.MEDIUM, '2027-02-04', '10000.00'],
    // 10,00 a day: 9 000,00 left last 900 days, beyond the due date; 1 000 + 3 640 < 10 000: nothing to renew.
    [90, '1000.00', '300.00', ForecastConfidence.HIGH, '2029-05-14', '0.00'],
    // 10,00 a day with 2 000,00 left: out in 200 days; by the due date 8 000 + 3 640 = 11 640,00, i.e. 1 640,00 to renew.
    [90, '8000.00', '300.00', ForecastConfidence.HIGH, '2027-06-14', '1640.00'],
    // 900,00 a day: out in 2 days (1 000 / 900, rounded up); the renewal is capped at the commitment.
    [10, '9000.00', '9000.00', ForecastConfidence.LOW, '2026-11-28', '10000.00'],
  ] as const)(
    'with %i day(s) of history and %s consumed: %s confidence, runs out %s, renewal %s',
    (historyDays, consumed, recent, confidence, exhaustion, renewal) => {
      const today = '2026-11-26';
      const start = new Date(Date.parse(`${today}T00:00:00Z`) - (historyDays - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const view = outlook(
        { ...figures('10000.00', consumed, recent, Math.min(30, historyDays), '2027-11-25'), startDate: start },
        today,
      );
      expect(view.confidence).toBe(confidence);
      expect(view.forecastExhaustionDate).toBe(exhaustion);
      expect(view.proposedRenewal?.toFixed(2) ?? null).toBe(renewal);
      expect(view.runsOutBeforeDue).toBe(exhaustion !== null && exhaustion < '2027-11-25');
    },
  );

  it('adds up lines for an order, a project or an entity', () => {
    const total = sum([figures('100', '50', '30', 30, '2027-01-01'), figures('300', '150', '60', 10, '2027-06-30')])!;
    expect([total.committed.toFixed(2), total.consumed.toFixed(2), total.dueDate]).toEqual([
      '400.00',
      '200.00',
      '2027-06-30',
    ]);
  });
});

describe('FOCUS CSV', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\r\n"multi\nline",2\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', '2'],
    ]);
  });
});
