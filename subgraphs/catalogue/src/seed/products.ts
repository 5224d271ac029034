import { createHash } from 'node:crypto';
import { BillingPeriod, BillingTiming } from '@nuage/contracts';

export interface SeedProduct {
  code: string;
  designation: string;
  solution: string | null;
  unit: string;
  commitmentMonths: number | null;
  billingPeriod: BillingPeriod;
  billingTiming: BillingTiming;
  listPrice: string | null;
  discountPercent: string | null;
}

/** A deterministic number in [min, max) from a key, so seed prices are the same on every machine. */
function spread(key: string, min: number, max: number): number {
  return min + (createHash('sha1').update(key).digest().readUInt32BE(0) % (max - min));
}

const euros = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * Illustrative products for one brand (no trustworthy public price exists, see the data README):
 * the 12-month subscription the guide shows, quoted on request, then for each solution a monthly
 * pay-as-you-go unit and an annual commitment, priced with a plausible market discount.
 */
export function productsOf(brand: string, solutions: string[]): Omit<SeedProduct, 'code'>[] {
  const products: Omit<SeedProduct, 'code'>[] = [
    {
      designation: `Prestation d'abonnement ${brand} Engagement 12 mois`,
      solution: null,
      unit: 'abonnement',
      commitmentMonths: 12,
      billingPeriod: BillingPeriod.ANNUAL,
      billingTiming: BillingTiming.IN_ADVANCE,
      listPrice: null,
      discountPercent: null,
    },
  ];
  for (const solution of solutions) {
    const cents = spread(`${brand}/${solution}/price`, 2_000, 90_000);
    const discount = spread(`${brand}/${solution}/discount`, 200, 1_800);
    products.push(
      {
        designation: `${solution} — consommation mensuelle (unité d'œuvre)`,
        solution,
        unit: 'unité / mois',
        commitmentMonths: null,
        billingPeriod: BillingPeriod.MONTHLY,
        billingTiming: BillingTiming.IN_ARREARS,
        listPrice: euros(cents),
        discountPercent: euros(discount),
      },
      {
        designation: `${solution} — engagement 36 mois, facturation annuelle`,
        solution,
        unit: 'forfait annuel',
        commitmentMonths: 36,
        billingPeriod: BillingPeriod.ANNUAL,
        billingTiming: BillingTiming.IN_ADVANCE,
        listPrice: euros(cents * 10),
        discountPercent: euros(discount + 300),
      },
    );
  }
  return products;
}
