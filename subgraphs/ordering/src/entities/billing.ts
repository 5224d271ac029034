import { Collection } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { Order } from './order.js';
import { OrderLine } from './order-line.js';

/** Where an invoice stands. */
export enum InvoiceStatus {
  SCHEDULED = 'SCHEDULED',
  ISSUED = 'ISSUED',
  SUSPENDED = 'SUSPENDED',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
}
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, { fr: string; en: string }> = {
  SCHEDULED: { fr: 'À émettre', en: 'Scheduled' },
  ISSUED: { fr: 'Émise', en: 'Issued' },
  SUSPENDED: { fr: 'Suspendue (litige en cours)', en: 'Suspended (dispute open)' },
  PAID: { fr: 'Payée', en: 'Paid' },
  CANCELLED: { fr: 'Annulée', en: 'Cancelled' },
};
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Where an invoice stands.',
  valuesConfig: Object.fromEntries(
    Object.entries(INVOICE_STATUS_LABELS).map(([status, label]) => [
      status,
      { description: `${label.fr} / ${label.en}` },
    ]),
  ),
});

/** An invoice UGAP issues to the buyer for validated services: at activation, or period by period. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An invoice of an order ("Facture"), scheduled, issued, suspended, paid or cancelled.' })
@Entity({ tableName: 'invoice' })
@Index({ properties: ['order', 'periodStart'] })
@Index({ properties: ['entityId', 'issueDate', 'id'] })
@Index({ properties: ['brandId', 'issueDate', 'id'] })
@Index({ properties: ['issueDate', 'id'] })
export class Invoice extends BaseEntity<'status' | 'version' | 'legalCommitmentNumber'> {
  @Field(() => String, { description: 'Number, e.g. "FA000123".' })
  @Property({ type: 'string', unique: true })
  number!: string;

  @ManyToOne({ entity: () => Order })
  order!: Order;

  /** The order's entity and brand, so that a list of invoices is scoped without a join. */
  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => InvoiceStatus, { description: 'Where it stands.' })
  @Enum({ items: () => InvoiceStatus, nativeEnumName: 'invoice_status' })
  status: InvoiceStatus = InvoiceStatus.SCHEDULED;

  @Field(() => LocalDate, { description: 'First day invoiced.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => LocalDate, { description: 'Last day invoiced.' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => LocalDate, {
    description:
      'Issue date: planned (start of the period in advance, its end in arrears), then the day UGAP issued it.',
  })
  @Property({ type: 'date' })
  issueDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Payment due date (30 days after issue); null until issued.' })
  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amountExclVat!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  vatAmount!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The buyer's Chorus legal commitment (EJ) it is charged to: the order's, fixed on the invoice when issued.",
  })
  @Property({ type: 'string', nullable: true })
  legalCommitmentNumber: string | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'When UGAP recorded its payment.' })
  @Property({ type: 'date', nullable: true })
  paidOn: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  paidAmount: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why UGAP cancelled it.' })
  @Property({ type: 'text', nullable: true })
  cancellationReason: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @OneToMany({ entity: () => InvoiceLine, mappedBy: 'invoice', orderBy: { position: 'asc' } })
  lines = new Collection<InvoiceLine>(this);
}

/** What an invoice, or a credit note, charges (or gives back) for one order line. */
@ObjectType()
abstract class ChargedLine extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => OrderLine })
  orderLine!: OrderLine;

  @Field(() => Int, { description: 'Rank in the document.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Designation, as on the order line.' })
  @Property({ type: 'text' })
  designation!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amountExclVat!: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate!: string;
}

/** What an invoice charges for one order line over its period. */
@ObjectType({ description: 'A line of an invoice: one order line over the invoiced period.' })
@Entity({ tableName: 'invoice_line' })
export class InvoiceLine extends ChargedLine {
  @Index()
  @ManyToOne({ entity: () => Invoice })
  invoice!: Invoice;
}

/** A credit note ("avoir"): money UGAP gives back on an invoice, for an incident resolved with a credit. */
@ObjectType({ description: 'A credit note ("Avoir") on an invoice, issued for an incident resolved with a credit.' })
@Entity({ tableName: 'credit_note' })
@Index({ properties: ['entityId', 'createdAt', 'id'] })
@Index({ properties: ['brandId', 'createdAt', 'id'] })
export class CreditNote extends BaseEntity {
  @Field(() => String, { description: 'Number, e.g. "AV000012".' })
  @Property({ type: 'string', unique: true })
  number!: string;

  @Field(() => ID, { description: 'The incident it resolves (one credit note per incident).' })
  @Unique()
  @Property({ type: 'uuid' })
  incidentId!: string;

  @Index()
  @ManyToOne({ entity: () => Order })
  order!: Order;

  @Index()
  @ManyToOne({ entity: () => Invoice })
  invoice!: Invoice;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amountExclVat!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  vatAmount!: string;

  @Field(() => String, { description: 'Why, as the market holder or UGAP stated it.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => String, { description: 'Who stated the credit.' })
  @Property({ type: 'string' })
  statedByName!: string;

  @Field(() => Role, { description: 'Role of who stated it (market holder or UGAP).' })
  @Property({ type: 'string' })
  statedByRole!: Role;

  @OneToMany({ entity: () => CreditNoteLine, mappedBy: 'creditNote', orderBy: { position: 'asc' } })
  lines = new Collection<CreditNoteLine>(this);
}

/** The share of a credit note on one line of the invoice it corrects (for its VAT and per-line figures). */
@Entity({ tableName: 'credit_note_line' })
export class CreditNoteLine extends ChargedLine {
  @Index()
  @ManyToOne({ entity: () => CreditNote })
  creditNote!: CreditNote;
}

export const BILLING_ENTITIES = [Invoice, InvoiceLine, CreditNote, CreditNoteLine];
