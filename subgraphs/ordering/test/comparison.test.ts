import { describe, expect, it } from 'vitest';
import { BillingPeriod, BillingTiming } from '@nuage/contracts';
import { type ComparableProposal, ComparisonNoteKind, compareProposals } from '../src/services/comparison.js';

const line = (unitPrice: string, quantity = '1', vatRate = '20.00', productCode: string | null = null) => ({
  quantity,
  listUnitPrice: unitPrice,
  unitPrice,
  vatRate,
  productCode,
  designation: productCode ? `Produit ${productCode}` : 'Prestation',
});
const proposal = (
  id: string,
  commitmentMonths: number | null,
  billingPeriod: BillingPeriod,
  lines: ComparableProposal['lines'],
  billingTiming = BillingTiming.IN_ADVANCE,
): ComparableProposal => ({ id, commitmentMonths, billingPeriod, billingTiming, validUntil: '2026-12-31', lines });

// The guide's OUTSCALE subscription (36 months, yearly in advance, 10 000,00 € less 3,1 %), a
// 12-month one-off at 3 516,29 € and a 24-month monthly subscription of two lines at two VAT rates.
const OUTSCALE = proposal('outscale', 36, BillingPeriod.ANNUAL, [line('9690.00', '1', '20.00', '145893')]);
const ONE_OFF = proposal('one-off', 12, BillingPeriod.ONE_OFF, [line('3516.29')]);
const TWO_YEARS = proposal(
  'two-years',
  24,
  BillingPeriod.MONTHLY,
  [line('1800.00', '2', '20.00'), line('450.45', '1', '10.00')],
  BillingTiming.IN_ARREARS,
);

describe('like-for-like comparison of proposals', () => {
  // Hand-computed. OUTSCALE: one term of 9 690,00 + VAT 1 938,00 = 11 628,00; ÷ 36 = 269,1666… → 269,17 and 323,00.
  // One-off: VAT 703,258 → 703,26, term 4 219,55; three terms: 10 548,87 and 12 658,65; ÷ 36 → 293,02 and 351,63.
  // Two years: 3 600,00 + 450,45 = 4 050,45; VAT 720,00 + 45,045 → 45,05 = 765,05; term 4 815,50;
  // two terms (48 months): 8 100,90 and 9 631,00; ÷ 36 = 225,025 → 225,03 and 267,527… → 267,53.
  it.each([
    // id, rank, terms, covered months, total excl., total incl., monthly excl., monthly incl., above cheapest
    ['two-years', 1, 2, 48, '8100.90', '9631.00', '225.03', '267.53', '0.00'],
    ['outscale', 2, 1, 36, '9690.00', '11628.00', '269.17', '323.00', '1589.10'],
    ['one-off', 3, 3, 36, '10548.87', '12658.65', '293.02', '351.63', '2447.97'],
  ])(
    '%s over 36 months: rank %i, %i term(s) covering %i months, %s excl. / %s incl. VAT, %s / %s a month, %s above the cheapest',
    (id, rank, terms, covered, excl, incl, monthlyExcl, monthlyIncl, above) => {
      const { proposals } = compareProposals(
        { durationMonths: 36, items: [] },
        [ONE_OFF, OUTSCALE, TWO_YEARS],
        '2026-12-02',
      );
      const row = proposals.find((p) => p.proposalId === id)!;
      expect([row.rank, row.terms, row.coveredMonths]).toEqual([rank, terms, covered]);
      expect(
        [row.totalExclVat, row.totalInclVat, row.monthlyExclVat, row.monthlyInclVat, row.aboveCheapestExclVat].map(
          (d) => d.toFixed(2),
        ),
      ).toEqual([excl, incl, monthlyExcl, monthlyIncl, above]);
    },
  );

  it('lists proposals cheapest first and says why each differs', () => {
    const { proposals } = compareProposals(
      { durationMonths: 36, items: [] },
      [ONE_OFF, OUTSCALE, TWO_YEARS],
      '2026-12-02',
    );
    expect(proposals.map((p) => p.proposalId)).toEqual(['two-years', 'outscale', 'one-off']);
    const kinds = (id: string) => proposals.find((p) => p.proposalId === id)!.notes.map((n) => n.kind);
    expect(kinds('outscale')).toEqual([ComparisonNoteKind.BILLING]);
    expect(kinds('one-off')).toEqual([ComparisonNoteKind.RENEWALS_NEEDED, ComparisonNoteKind.ONE_OFF]);
    expect(kinds('two-years')).toEqual([
      ComparisonNoteKind.RENEWALS_NEEDED,
      ComparisonNoteKind.BEYOND_NEED,
      ComparisonNoteKind.BILLING,
    ]);
    expect(proposals[0]!.notes[1]!.text.fr).toBe('Couvre 48 mois pour un besoin de 36 : 12 mois payés au-delà');
  });

  it('gives equal costs the same rank', () => {
    const twin = { ...OUTSCALE, id: 'twin' };
    const { proposals } = compareProposals({ durationMonths: 36, items: [] }, [OUTSCALE, twin, ONE_OFF], '2026-12-02');
    expect(proposals.map((p) => p.rank)).toEqual([1, 1, 3]);
  });

  it('compares over the longest term when the need states no duration, and a proposal without commitment once', () => {
    const open = proposal('open', null, BillingPeriod.MONTHLY, [line('5000.00')]);
    const result = compareProposals({ durationMonths: null, items: [] }, [ONE_OFF, OUTSCALE, open], '2026-12-02');
    expect([result.durationMonths, result.durationAssumed]).toEqual([36, true]);
    const row = result.proposals.find((p) => p.proposalId === 'open')!;
    expect([row.terms, row.totalExclVat.toFixed(2), row.rank]).toEqual([1, '5000.00', 1]);
    expect(row.notes.map((n) => n.kind)).toContain(ComparisonNoteKind.NO_COMMITMENT);
  });

  it('names what a proposal misses of the need and what it adds, and an expired offer', () => {
    const need = {
      durationMonths: 36,
      items: [{ productCode: '145893', designation: 'Abonnement OUTSCALE', quantity: '1.00' }],
    };
    const other = {
      ...proposal('other', 36, BillingPeriod.ANNUAL, [line('9000.00', '1', '20.00', '999999')]),
      validUntil: '2026-11-30',
    };
    const { proposals } = compareProposals(need, [OUTSCALE, other], '2026-12-02');
    const notes = (id: string) => proposals.find((p) => p.proposalId === id)!.notes;
    expect(notes('outscale').map((n) => n.kind)).toEqual([ComparisonNoteKind.BILLING]);
    expect(notes('other').map((n) => n.text.en)).toEqual([
      'Invoiced yearly, in advance',
      'Missing: Abonnement OUTSCALE',
      'Beyond the need: Produit 999999',
      'Offer expired on 30 Nov 2026',
    ]);
  });
});
