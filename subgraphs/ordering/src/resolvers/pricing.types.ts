import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, Money } from '@nuage/platform';
import type { Locale } from '@nuage/contracts';
import { totalsOf, type PricedLine } from '../services/pricing.js';

@ObjectType({ description: 'VAT at one rate ("Taux, Base taxable, Montant TVA").' })
export class VatAmount {
  @Field(() => DecimalScalar, { description: 'Rate in percent, e.g. "20.00".' })
  rate!: string;

  @Field(() => Money, { description: 'Taxable base: the lines at this rate, excl. VAT.' })
  base!: Money;

  @Field(() => Money, { description: 'VAT amount.' })
  amount!: Money;
}

@ObjectType({ description: 'Totals of a proposal or an order, exact to the cent.' })
export class QuoteTotals {
  @Field(() => Money, { description: '"Total prix public": at public unit prices.' })
  listTotal!: Money;

  @Field(() => Money, { description: '"Total HT": after the market discount, excl. VAT.' })
  totalExclVat!: Money;

  @Field(() => [VatAmount], { description: 'VAT per rate, highest rate first.' })
  vat!: VatAmount[];

  @Field(() => Money, { description: 'Total VAT.' })
  totalVat!: Money;

  @Field(() => Money, { description: '"Total TTC": incl. VAT.' })
  totalInclVat!: Money;
}

@ObjectType({ description: 'The amounts of one line.' })
export class LineAmounts {
  @Field(() => DecimalScalar, { description: 'Quantity.' })
  quantity!: string;

  @Field(() => Money, { description: '"Prix public unitaire" excl. VAT.' })
  listUnitPrice!: Money;

  @Field(() => Money, { description: '"PU HT": unit price excl. VAT after the market discount.' })
  unitPrice!: Money;

  @Field(() => DecimalScalar, { description: 'VAT rate in percent.' })
  vatRate!: string;

  @Field(() => Money, { description: '"Total prix public".' })
  listTotal!: Money;

  @Field(() => Money, { description: '"Total HT".' })
  totalExclVat!: Money;
}

/** The GraphQL view of exact totals, formatted in the caller's language. */
export function quoteTotals(lines: PricedLine[], locale: Locale): QuoteTotals {
  const totals = totalsOf(lines);
  return {
    listTotal: Money.of(totals.listTotal, locale),
    totalExclVat: Money.of(totals.totalExclVat, locale),
    vat: totals.vat.map((v) => ({
      rate: v.rate.toFixed(2),
      base: Money.of(v.base, locale),
      amount: Money.of(v.amount, locale),
    })),
    totalVat: Money.of(totals.totalVat, locale),
    totalInclVat: Money.of(totals.totalInclVat, locale),
  };
}

export function lineAmounts(line: PricedLine & { quantity: string; vatRate: string }, locale: Locale): LineAmounts {
  const [totals] = totalsOf([line]).lines;
  return {
    quantity: line.quantity,
    listUnitPrice: Money.of(line.listUnitPrice, locale),
    unitPrice: Money.of(line.unitPrice, locale),
    vatRate: line.vatRate,
    listTotal: Money.of(totals!.listTotal, locale),
    totalExclVat: Money.of(totals!.totalExclVat, locale),
  };
}
