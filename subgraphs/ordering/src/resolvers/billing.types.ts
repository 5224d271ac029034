import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '@nuage/platform';
import type { Locale } from '@nuage/contracts';
import { BrandReference, BeneficiaryEntityReference } from '../entities/index.js';
import { BillingDimension, type BillingFigures } from '../services/billing-figures.js';

registerEnumType(BillingDimension, {
  name: 'BillingDimension',
  description: 'How billing figures are grouped.',
  valuesConfig: {
    ENTITY: { description: 'Par entité bénéficiaire / By beneficiary entity.' },
    BRAND: { description: 'Par marque / By brand.' },
  },
});

@ObjectType({
  description:
    'Order ↔ invoice reconciliation, excl. VAT: committed, invoiced, credited and paid (consumption sits beside it, in `consumption`).',
})
export class BillingReconciliation {
  @Field(() => Money, { description: 'Committed: the order (line) total.' })
  committed!: Money;

  @Field(() => Money, { description: 'Invoiced: issued invoices (suspended and paid ones included).' })
  invoiced!: Money;

  @Field(() => Money, { description: 'Credited: credit notes ("avoirs") on those invoices.' })
  credited!: Money;

  @Field(() => Money, { description: 'Paid: paid invoices, net of their credit notes.' })
  paid!: Money;

  @Field(() => Money, { description: 'Still to invoice: committed less invoiced.' })
  toInvoice!: Money;
}

export const reconciliation = (figures: BillingFigures, locale: Locale): BillingReconciliation => ({
  committed: Money.of(figures.committed, locale),
  invoiced: Money.of(figures.invoiced, locale),
  credited: Money.of(figures.credited, locale),
  paid: Money.of(figures.paid, locale),
  toInvoice: Money.of(figures.committed.minus(figures.invoiced), locale),
});

@ObjectType({ description: "An order's reconciliation, with what the buyer still owes." })
export class OrderBilling extends BillingReconciliation {
  @Field(() => Money, {
    description: 'Outstanding incl. VAT: issued and suspended invoices, net of their credit notes.',
  })
  outstandingInclVat!: Money;

  @Field(() => String, {
    nullable: true,
    description: "The buyer's Chorus legal commitment (EJ) the order is charged to.",
  })
  legalCommitmentNumber!: string | null;
}

@ObjectType({ description: 'Billing figures of one beneficiary entity or one brand over the market.' })
export class BillingGroup extends BillingReconciliation {
  @Field(() => String, { description: 'The entity or brand id.' })
  key!: string;

  @Field(() => BeneficiaryEntityReference, { nullable: true, description: 'The entity, when grouped by entity.' })
  beneficiaryEntity!: BeneficiaryEntityReference | null;

  @Field(() => BrandReference, { nullable: true, description: 'The brand, when grouped by brand.' })
  brand!: BrandReference | null;
}
