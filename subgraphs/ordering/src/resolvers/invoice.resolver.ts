import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Dec, Money, todayInParis } from '@nuage/platform';
import { Invoice } from '../entities/index.js';
import type { Context } from '../loaders.js';

@Resolver(() => Invoice)
export class InvoiceResolver {
  @FieldResolver(() => Boolean, { description: 'Whether it is issued (its issue date has come) or still to come.' })
  issued(@Root() invoice: Invoice) {
    return invoice.issueDate <= todayInParis();
  }

  @FieldResolver(() => Money, { description: 'Amount excl. VAT.' })
  amountExclVat(@Root() invoice: Invoice, @Ctx() { locale }: Context) {
    return Money.of(invoice.amountExclVat, locale);
  }

  @FieldResolver(() => Money, { description: 'VAT.' })
  vatAmount(@Root() invoice: Invoice, @Ctx() { locale }: Context) {
    return Money.of(invoice.vatAmount, locale);
  }

  @FieldResolver(() => Money, { description: 'Amount incl. VAT.' })
  amountInclVat(@Root() invoice: Invoice, @Ctx() { locale }: Context) {
    return Money.of(new Dec(invoice.amountExclVat).plus(invoice.vatAmount), locale);
  }
}
