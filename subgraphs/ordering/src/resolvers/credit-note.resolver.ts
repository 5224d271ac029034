import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type Decimal from 'decimal.js';
import { Caller, DecimalScalar, type Identity, Money, MutationPayload, succeeded } from '@nuage/platform';
import { CreditNote, IncidentReference, Invoice, Order } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { creditIncident } from '../services/billing.js';
import { inclVat } from '../services/pricing.js';
import { creditNotePdfPath } from '../services/billing-documents.js';

const CreditNotePayload = MutationPayload(CreditNote, 'CreditNotePayload', 'creditNote', 'credit note');

@InputType({ description: 'A credit that resolves an incident: on which invoice, how much excl. VAT, and why.' })
class ResolveIncidentWithCreditInput {
  @Field(() => ID, { description: 'The open incident it resolves.' })
  incidentId!: string;

  @Field(() => ID, { description: "The invoice of the incident's order it corrects (issued, not paid)." })
  invoiceId!: string;

  @Field(() => DecimalScalar, {
    description: 'The credit excl. VAT, in euros, e.g. "250.00"; VAT follows the invoice’s rates.',
  })
  amountExclVat!: Decimal;

  @Field(() => String, { description: 'Why, as the credit note prints it.' })
  reason!: string;
}

@Resolver(() => CreditNote)
export class CreditNoteResolver {
  @Mutation(() => CreditNotePayload, {
    description:
      'The market holder or UGAP resolve an open incident with a credit: a credit note ("avoir") on one invoice of its order; the incident is then resolved.',
  })
  resolveIncidentWithCredit(
    @Arg('input', () => ResolveIncidentWithCreditInput, { description: 'The credit.' })
    input: ResolveIncidentWithCreditInput,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return creditIncident(em, caller, input).then(succeeded);
  }

  @FieldResolver(() => Invoice, { description: 'The invoice it corrects.' })
  invoice(@Root() note: CreditNote, @Ctx() { loaders }: Context) {
    return loaders.invoiceById.load(note.invoice.id);
  }

  @FieldResolver(() => Order, { description: 'The order.' })
  order(@Root() note: CreditNote, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(note.order.id);
  }

  @FieldResolver(() => IncidentReference, { description: 'The incident it resolves.' })
  incident(@Root() note: CreditNote) {
    return IncidentReference.of(note.incidentId);
  }

  @FieldResolver(() => Money, { description: 'Amount excl. VAT.' })
  amountExclVat(@Root() note: CreditNote, @Ctx() { locale }: Context) {
    return Money.of(note.amountExclVat, locale);
  }

  @FieldResolver(() => Money, { description: 'VAT.' })
  vatAmount(@Root() note: CreditNote, @Ctx() { locale }: Context) {
    return Money.of(note.vatAmount, locale);
  }

  @FieldResolver(() => Money, { description: 'Amount incl. VAT, deducted from what the invoice asks.' })
  amountInclVat(@Root() note: CreditNote, @Ctx() { locale }: Context) {
    return Money.of(inclVat(note), locale);
  }

  @FieldResolver(() => Date, { description: 'When it was issued.' })
  issuedAt(@Root() note: CreditNote) {
    return note.createdAt;
  }

  @FieldResolver(() => String, { description: 'Path of its PDF on the gateway; GET it with the same bearer token.' })
  pdfUrl(@Root() note: CreditNote) {
    return creditNotePdfPath(note.id);
  }
}

/** What ordering adds to an incident: the credit note that resolved it, if the caller may read it. */
@Resolver(() => IncidentReference)
export class IncidentCreditResolver {
  @FieldResolver(() => CreditNote, {
    nullable: true,
    description: 'The credit note ("avoir") that resolved it, if any.',
  })
  creditNote(@Root() incident: IncidentReference, @Ctx() { loaders }: Context, @Caller() _signedIn: Identity) {
    return loaders.creditNoteByIncident.load(incident.id);
  }
}
