import { describe, expect, it } from 'vitest';
import { totalsOf } from '../src/services/pricing.js';

const text = (totals: ReturnType<typeof totalsOf>) => ({
  listTotal: totals.listTotal.toFixed(2),
  totalExclVat: totals.totalExclVat.toFixed(2),
  vat: totals.vat.map((v) => [v.rate.toFixed(2), v.base.toFixed(2), v.amount.toFixed(2)]),
  totalInclVat: totals.totalInclVat.toFixed(2),
});

describe('proposal totals', () => {
  it("reproduce the guide's example: 10 000,00 list, 9 690,00 net, VAT 1 938,00, total 11 628,00", () => {
    expect(text(totalsOf([{ quantity: '1', listUnitPrice: '10000.00', unitPrice: '9690.00', vatRate: '20' }]))).toEqual(
      {
        listTotal: '10000.00',
        totalExclVat: '9690.00',
        vat: [['20.00', '9690.00', '1938.00']],
        totalInclVat: '11628.00',
      },
    );
  });

  it('round each line to the cent, half up, then VAT per rate on the rounded lines', () => {
    // 3 × 0.335 = 1.005 → 1.01 (a float would give 1.00); 1.01 × 20 % = 0.202 → 0.20.
    const totals = totalsOf([
      { quantity: '3', listUnitPrice: '0.40', unitPrice: '0.335', vatRate: '20' },
      { quantity: '2.5', listUnitPrice: '100', unitPrice: '99.99', vatRate: '5.5' },
      { quantity: '1', listUnitPrice: '10', unitPrice: '10', vatRate: '20' },
    ]);
    expect(text(totals)).toEqual({
      listTotal: '261.20',
      totalExclVat: '260.99', // 1.01 + 249.98 (249.975 rounded up) + 10.00
      vat: [
        ['20.00', '11.01', '2.20'],
        ['5.50', '249.98', '13.75'], // 13.7489 → 13.75
      ],
      totalInclVat: '276.94',
    });
  });
});
