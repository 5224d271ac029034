import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  available,
  Caller,
  Connection,
  isPartyOf,
  type Identity,
  LocalDate,
  Money,
  MutationPayload,
  PageArgs,
  succeeded,
} from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { CreditNote, Invoice, InvoiceLine, InvoiceStatus, Order, OrderLine } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { invoicesFor } from '../services/access.js';
import {
  cancelInvoice,
  issueInvoice,
  legalCommitmentOf,
  listInvoices,
  recordInvoicePayment,
} from '../services/billing.js';
import { inclVat, netDueOf, vatOf } from '../services/pricing.js';
import { invoiceFacturXPath, invoicePdfPath } from '../services/billing-documents.js';
import { INVOICE_LIFECYCLE, InvoiceAction } from '../services/invoice-lifecycle.js';
import { VatAmount } from './pricing.types.js';

const InvoiceConnection = Connection(Invoice, 'Invoice', 'invoice');
const InvoicePayload = MutationPayload(Invoice, 'InvoicePayload', 'invoice', 'invoice');

@InputType({ description: 'Narrows the list of invoices ("Factures"); every criterion given must hold.' })
class InvoiceFilter {
  @Field(() => [InvoiceStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: InvoiceStatus[];

  @Field(() => ID, { nullable: true, description: 'Only the invoices of this order.' })
  orderId?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Issued (or to be issued) on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Issued (or to be issued) on or before this day.' })
  to?: string;

  @Field(() => String, { nullable: true, description: 'Only those charged to this Chorus legal commitment (EJ).' })
  legalCommitmentNumber?: string;
}

@InputType({ description: 'Names an invoice.' })
class InvoiceInput {
  @Field(() => ID, { description: 'The invoice.' })
  invoiceId!: string;
}

@InputType({ description: "UGAP records an invoice's payment." })
class RecordInvoicePaymentInput {
  @Field(() => ID, { description: 'The invoice.' })
  invoiceId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it was paid; today if not given.' })
  paidOn?: string;
}

@InputType({ description: 'UGAP cancels an invoice.' })
class CancelInvoiceInput {
  @Field(() => ID, { description: 'The invoice.' })
  invoiceId!: string;

  @Field(() => String, { description: 'Why (kept in its history and printed on it).' })
  reason!: string;
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, {
    nullable: true,
    description:
      "Invoices the caller may read (own entity's, own brand's, or all for market-wide staff), latest issue date first.",
  })
  invoices(
    @Arg('filter', () => InvoiceFilter, { nullable: true, description: 'Criteria that must all hold.' }) filter:
      | InvoiceFilter
      | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return listInvoices(em, caller, { ...filter }, page);
  }

  @Query(() => Invoice, {
    nullable: true,
    description: 'One invoice, if the caller may read it (NOT_FOUND otherwise).',
  })
  invoice(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return invoicesFor(em, caller).get(id);
  }

  @Mutation(() => InvoicePayload, {
    description:
      'UGAP issues a scheduled invoice once its date has come; it is charged to the order’s EJ, due in 30 days.',
  })
  issueInvoice(
    @Arg('input', () => InvoiceInput, { description: 'The invoice.' }) input: InvoiceInput,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return issueInvoice(em, caller, input.invoiceId).then(succeeded);
  }

  @Mutation(() => InvoicePayload, {
    description: 'UGAP records that an issued invoice was paid, net of its credit notes (not while suspended).',
  })
  recordInvoicePayment(
    @Arg('input', () => RecordInvoicePaymentInput, { description: 'The invoice and the day.' })
    input: RecordInvoicePaymentInput,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return recordInvoicePayment(em, caller, input.invoiceId, input.paidOn).then(succeeded);
  }

  @Mutation(() => InvoicePayload, { description: 'UGAP cancels an invoice that is not paid, saying why.' })
  cancelInvoice(
    @Arg('input', () => CancelInvoiceInput, { description: 'The invoice and why.' }) input: CancelInvoiceInput,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return cancelInvoice(em, caller, input.invoiceId, input.reason).then(succeeded);
  }

  @FieldResolver(() => String, { description: 'Where it stands, in the caller’s language.' })
  statusLabel(@Root() invoice: Invoice, @Ctx() { locale }: Context) {
    return INVOICE_LIFECYCLE.states[invoice.status][locale];
  }

  @FieldResolver(() => [InvoiceAction], { description: 'What the caller may do with it now.' })
  availableActions(@Root() invoice: Invoice, @Caller() caller: Identity) {
    const concerned = caller.role === Role.UGAP || isPartyOf(caller, invoice);
    return concerned ? available(INVOICE_LIFECYCLE, invoice.status, caller.role) : [];
  }

  @FieldResolver(() => Order, { description: 'The order it bills.' })
  order(@Root() invoice: Invoice, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(invoice.order.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The Chorus legal commitment (EJ) it is charged to: fixed when issued, the order's until then.",
  })
  async legalCommitmentNumber(@Root() invoice: Invoice, @Ctx() { loaders }: Context) {
    return legalCommitmentOf(
      invoice,
      invoice.legalCommitmentNumber ? null : await loaders.orderById.load(invoice.order.id),
    );
  }

  @FieldResolver(() => [InvoiceLine], { description: 'What it charges, order line by order line.' })
  lines(@Root() invoice: Invoice, @Ctx() { loaders }: Context) {
    return loaders.linesByInvoice.load(invoice.id);
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
    return Money.of(inclVat(invoice), locale);
  }

  @FieldResolver(() => [VatAmount], { description: 'VAT per rate, highest rate first.' })
  async vat(@Root() invoice: Invoice, @Ctx() { loaders, locale }: Context) {
    return vatOf(await loaders.linesByInvoice.load(invoice.id)).vat.map((v) => ({
      rate: v.rate.toFixed(2),
      base: Money.of(v.base, locale),
      amount: Money.of(v.amount, locale),
    }));
  }

  @FieldResolver(() => [CreditNote], { description: 'The credit notes that correct it.' })
  creditNotes(@Root() invoice: Invoice, @Ctx() { loaders }: Context) {
    return loaders.creditNotesByInvoice.load(invoice.id);
  }

  @FieldResolver(() => Money, { description: 'What the buyer owes: incl. VAT, net of the credit notes.' })
  async netDueInclVat(@Root() invoice: Invoice, @Ctx() { loaders, locale }: Context) {
    return Money.of(netDueOf(invoice, await loaders.creditNotesByInvoice.load(invoice.id)), locale);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'What was paid, once UGAP recorded it.' })
  paidAmount(@Root() invoice: Invoice, @Ctx() { locale }: Context) {
    return invoice.paidAmount === null ? null : Money.of(invoice.paidAmount, locale);
  }

  @FieldResolver(() => String, { description: 'Path of its PDF on the gateway; GET it with the same bearer token.' })
  pdfUrl(@Root() invoice: Invoice) {
    return invoicePdfPath(invoice.id);
  }

  @FieldResolver(() => String, {
    description:
      'Path of its data as Factur-X (profile EN 16931) UN/CEFACT CII XML on the gateway, for accounting systems; GET it with the same bearer token.',
  })
  facturXUrl(@Root() invoice: Invoice) {
    return invoiceFacturXPath(invoice.id);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => OrderLine, { description: 'The order line it charges.' })
  orderLine(@Root() line: InvoiceLine, @Ctx() { loaders }: Context) {
    return loaders.readableOrderLineById.load(line.orderLine.id);
  }

  @FieldResolver(() => LocalDate, { description: 'First day charged.' })
  async periodStart(@Root() line: InvoiceLine, @Ctx() { loaders }: Context) {
    return (await loaders.invoiceById.load(line.invoice.id))!.periodStart;
  }

  @FieldResolver(() => LocalDate, { description: 'Last day charged.' })
  async periodEnd(@Root() line: InvoiceLine, @Ctx() { loaders }: Context) {
    return (await loaders.invoiceById.load(line.invoice.id))!.periodEnd;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The Chorus legal commitment (EJ) it is charged to, as on its invoice.',
  })
  async legalCommitmentNumber(@Root() line: InvoiceLine, @Ctx() { loaders }: Context) {
    const invoice = (await loaders.invoiceById.load(line.invoice.id))!;
    return legalCommitmentOf(
      invoice,
      invoice.legalCommitmentNumber ? null : await loaders.orderById.load(invoice.order.id),
    );
  }

  @FieldResolver(() => Money, { description: 'Amount excl. VAT.' })
  amountExclVat(@Root() line: InvoiceLine, @Ctx() { locale }: Context) {
    return Money.of(line.amountExclVat, locale);
  }

  @FieldResolver(() => String, { description: 'VAT rate in percent, e.g. "20.00".' })
  vatRate(@Root() line: InvoiceLine) {
    return line.vatRate;
  }
}
