import {
  LockMode,
  UniqueConstraintViolationException,
  type EntityManager,
  type FilterQuery,
} from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import { TOPICS, type CreditNoteIssued } from '@nuage/contracts';
import {
  assertMayTake,
  conflict,
  Dec,
  formatDay,
  formatEuros,
  invalid,
  invalidTransition,
  notFound,
  paginate,
  publish,
  take,
  todayInParis,
  toCents,
  type Identity,
  type PageArgs,
} from '@nuage/platform';
import {
  CreditNote,
  CreditNoteLine,
  Invoice,
  InvoiceLine,
  InvoiceStatus,
  Order,
  OrderIncident,
  type OrderLine,
} from '../entities/index.js';
import { assertMay, invoicesFor } from './access.js';
import { INVOICE_LIFECYCLE, type InvoiceTransition } from './invoice-lifecycle.js';
import { addDays, scheduleOf, split } from './invoices.js';
import { nextNumber } from './idempotency.js';
import { netDueOf, totalsOf, vatOf } from './pricing.js';
import { recordCreditNoteIssued, recordInvoiceStep } from './history.js';

/** Public buyers pay within 30 days of the invoice (the legal payment delay of the State). */
const PAYMENT_DAYS = 30;

/** Schedules an activated order's invoices to term, each with its lines and its VAT. */
export async function scheduleInvoices(tx: EntityManager, order: Order, lines: OrderLine[], startDate: string) {
  const totals = totalsOf(lines);
  const billed = lines.map((line, i) => ({
    id: line.id,
    designation: line.designation,
    totalExclVat: totals.lines[i]!.totalExclVat,
    vatRate: line.vatRate,
  }));
  for (const scheduled of scheduleOf({ ...order, startDate }, billed)) {
    const vat = vatOf(scheduled.lines);
    const invoice = tx.create(Invoice, {
      number: await nextNumber(tx, 'invoice_number_seq', 'FA'),
      order,
      entityId: order.entityId,
      brandId: order.brandId,
      periodStart: scheduled.periodStart,
      periodEnd: scheduled.periodEnd,
      issueDate: scheduled.issueDate,
      amountExclVat: vat.totalExclVat.toFixed(2),
      vatAmount: vat.totalVat.toFixed(2),
    });
    invoice.lines.add(
      scheduled.lines.map((line, position) =>
        tx.create(InvoiceLine, {
          invoice,
          orderLine: lines.find((orderLine) => orderLine.id === line.orderLineId)!,
          position,
          designation: line.designation,
          amountExclVat: line.amountExclVat.toFixed(2),
          vatRate: line.vatRate,
        }),
      ),
    );
    tx.persist(invoice);
    recordInvoiceStep(tx, invoice, order, 'SYSTEM', null, {
      action: 'schedule',
      summary: {
        fr: `Facture ${invoice.number} prévue le ${formatDay(invoice.issueDate, 'fr')} (${formatEuros(new Dec(invoice.amountExclVat), 'fr')} HT)`,
        en: `Invoice ${invoice.number} scheduled on ${formatDay(invoice.issueDate, 'en')} (${formatEuros(new Dec(invoice.amountExclVat), 'en')} excl. VAT)`,
      },
    });
  }
}

function move(
  tx: EntityManager,
  invoice: Invoice,
  transition: InvoiceTransition,
  actor: Identity | 'SYSTEM',
  comment?: string | null,
) {
  const from = invoice.status;
  invoice.status = take(INVOICE_LIFECYCLE, from, transition, actor === 'SYSTEM' ? 'SYSTEM' : actor.role);
  recordInvoiceStep(tx, invoice, invoice.order, actor, from, { action: transition, comment });
}

async function lockedInvoice(tx: EntityManager, caller: Identity, id: string): Promise<Invoice> {
  const invoice = await invoicesFor(tx, caller).get(id, { field: 'input.invoiceId', lock: true });
  await tx.populate(invoice, ['order']);
  return invoice;
}

/**
 * Whether an order has an open incident, its row locked first: issuing an invoice and an incident
 * opening or closing (its event) take the same lock, so neither misses the other's change.
 */
async function disputed(tx: EntityManager, orderId: string): Promise<boolean> {
  await tx.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  return (await tx.count(OrderIncident, { orderId, open: true })) > 0;
}

/** UGAP issues a scheduled invoice once its date has come: it is charged to the order's EJ and due in 30 days. */
export async function issueInvoice(em: EntityManager, caller: Identity, id: string): Promise<Invoice> {
  assertMayTake(INVOICE_LIFECYCLE, 'issue', caller);
  return em.transactional(async (tx) => {
    const invoice = await lockedInvoice(tx, caller, id);
    const today = todayInParis();
    if (invoice.status === InvoiceStatus.SCHEDULED && invoice.issueDate > today)
      throw invalidTransition({
        fr: `La facture ${invoice.number} s'émet à partir du ${formatDay(invoice.issueDate, 'fr')}.`,
        en: `Invoice ${invoice.number} may be issued from ${formatDay(invoice.issueDate, 'en')}.`,
      });
    move(tx, invoice, 'issue', caller);
    Object.assign(invoice, {
      issueDate: today,
      dueDate: addDays(today, PAYMENT_DAYS),
      legalCommitmentNumber: invoice.order.legalCommitmentNumber,
    });
    // Issued while its order is disputed: it waits for the dispute like the others.
    if (await disputed(tx, invoice.order.id))
      move(tx, invoice, 'suspend', 'SYSTEM', 'Litige en cours sur la commande / dispute open on the order');
    return invoice;
  });
}

/** The EJ an invoice is charged to: fixed on it when issued; until then, its order's as it stands. */
export const legalCommitmentOf = (
  invoice: Pick<Invoice, 'legalCommitmentNumber'>,
  order: Pick<Order, 'legalCommitmentNumber'> | null | undefined,
) => invoice.legalCommitmentNumber ?? order?.legalCommitmentNumber ?? null;

/** UGAP records that the buyer paid an issued invoice, net of its credit notes. */
export async function recordInvoicePayment(
  em: EntityManager,
  caller: Identity,
  id: string,
  paidOn: string | undefined,
): Promise<Invoice> {
  assertMayTake(INVOICE_LIFECYCLE, 'pay', caller);
  return em.transactional(async (tx) => {
    const invoice = await lockedInvoice(tx, caller, id);
    const day = paidOn ?? todayInParis();
    if (day > todayInParis() || day < invoice.issueDate)
      throw invalid('input.paidOn', {
        fr: `Un paiement se date entre l'émission (${formatDay(invoice.issueDate, 'fr')}) et aujourd'hui.`,
        en: `A payment is dated between the issue (${formatDay(invoice.issueDate, 'en')}) and today.`,
      });
    move(tx, invoice, 'pay', caller);
    Object.assign(invoice, {
      paidOn: day,
      paidAmount: netDueOf(invoice, await tx.find(CreditNote, { invoice })).toFixed(2),
    });
    return invoice;
  });
}

/** UGAP cancels an invoice that should not be paid (stating why); a paid one stays paid. */
export async function cancelInvoice(em: EntityManager, caller: Identity, id: string, reason: string): Promise<Invoice> {
  assertMayTake(INVOICE_LIFECYCLE, 'cancel', caller);
  const why = reason.trim();
  if (why.length < 5)
    throw invalid('input.reason', {
      fr: 'Dites pourquoi (5 caractères au moins).',
      en: 'Say why (5 characters at least).',
    });
  return em.transactional(async (tx) => {
    const invoice = await lockedInvoice(tx, caller, id);
    move(tx, invoice, 'cancel', caller, why);
    invoice.cancellationReason = why;
    return invoice;
  });
}

/*
 * The invoices an incident suspends or releases are locked as they are read: one paid or cancelled
 * meanwhile (under its own lock) is then read as it now stands, and left alone.
 */

/** An incident opened on an order: its issued invoices wait for it. */
export async function suspendInvoicesOf(em: EntityManager, orderId: string): Promise<void> {
  if (!(await disputed(em, orderId))) return;
  for (const invoice of await em.find(
    Invoice,
    { order: orderId, status: InvoiceStatus.ISSUED },
    { populate: ['order'], lockMode: LockMode.PESSIMISTIC_WRITE },
  ))
    move(em, invoice, 'suspend', 'SYSTEM', 'Incident ouvert sur la commande / incident opened on the order');
}

/** The last open incident of an order closed: its suspended invoices may be paid again. */
export async function releaseInvoicesOf(em: EntityManager, orderId: string): Promise<void> {
  if (await disputed(em, orderId)) return;
  for (const invoice of await em.find(
    Invoice,
    { order: orderId, status: InvoiceStatus.SUSPENDED },
    { populate: ['order'], lockMode: LockMode.PESSIMISTIC_WRITE },
  ))
    move(em, invoice, 'release', 'SYSTEM', 'Incidents de la commande clos / incidents of the order closed');
}

export interface CreditInput {
  incidentId: string;
  invoiceId: string;
  amountExclVat: Decimal;
  reason: string;
}

/**
 * The market holder or UGAP resolve an open incident with a credit: a credit note on one invoice
 * of the incident's order, shared over the invoice's lines in proportion (for its VAT per rate),
 * never more than what the invoice still bills, one per incident. The incidents subgraph then
 * resolves the incident (event).
 */
export async function creditIncident(em: EntityManager, caller: Identity, input: CreditInput): Promise<CreditNote> {
  assertMay(caller, 'credit:state');
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw invalid('input.reason', {
      fr: 'Dites pourquoi (5 caractères au moins).',
      en: 'Say why (5 characters at least).',
    });
  const amount = input.amountExclVat;
  if (amount.lte(0) || amount.decimalPlaces() > 2)
    throw invalid('input.amountExclVat', {
      fr: 'Un montant positif, en euros et centimes.',
      en: 'A positive amount in euros and cents.',
    });
  return em
    .transactional(async (tx) => creditNoteFor(tx, caller, input, amount, reason))
    .catch((error: unknown) => {
      // Two credits for one incident at the same moment: the second meets the unique index.
      if (error instanceof UniqueConstraintViolationException) throw alreadyResolved(null);
      throw error;
    });
}

const alreadyResolved = (number: string | null) =>
  conflict({
    fr: `Cet incident est déjà résolu par ${number ? `l'avoir ${number}` : 'un avoir'}.`,
    en: `This incident is already resolved by ${number ? `credit note ${number}` : 'a credit note'}.`,
  });

async function creditNoteFor(
  tx: EntityManager,
  caller: Identity,
  input: CreditInput,
  amount: Decimal,
  reason: string,
): Promise<CreditNote> {
  const incident = await tx.findOne(OrderIncident, { incidentId: input.incidentId });
  if (!incident) throw notFound({ fr: "L'incident", en: 'The incident' }, 'input.incidentId');
  const already = await tx.findOne(CreditNote, { incidentId: incident.incidentId });
  if (already) throw alreadyResolved(already.number);
  if (!incident.open)
    throw invalidTransition({
      fr: 'Cet incident est clos : un avoir résout un incident ouvert.',
      en: 'This incident is closed: a credit note resolves an open incident.',
    });
  const invoice = await lockedInvoice(tx, caller, input.invoiceId);
  if (invoice.order.id !== incident.orderId)
    throw invalid('input.invoiceId', {
      fr: "Cette facture n'est pas celle de la commande de l'incident.",
      en: "This invoice is not one of the incident's order.",
    });
  if (![InvoiceStatus.ISSUED, InvoiceStatus.SUSPENDED].includes(invoice.status))
    throw invalidTransition({
      fr: `Un avoir corrige une facture émise et non payée ; la facture ${invoice.number} est « ${INVOICE_LIFECYCLE.states[invoice.status].fr} ».`,
      en: `A credit note corrects an issued, unpaid invoice; invoice ${invoice.number} is "${INVOICE_LIFECYCLE.states[invoice.status].en}".`,
    });
  const credited = (await tx.find(CreditNote, { invoice })).reduce((sum, c) => sum.plus(c.amountExclVat), new Dec(0));
  const left = new Dec(invoice.amountExclVat).minus(credited);
  if (amount.gt(left))
    throw invalid('input.amountExclVat', {
      fr: `L'avoir dépasse ce que la facture ${invoice.number} facture encore : ${formatEuros(left, 'fr')} HT au plus.`,
      en: `The credit exceeds what invoice ${invoice.number} still bills: ${formatEuros(left, 'en')} excl. VAT at most.`,
    });
  const lines = await invoice.lines.loadItems({ populate: ['orderLine'] });
  const shares = allocate(
    amount,
    lines.map((line) => new Dec(line.amountExclVat)),
  );
  const vat = vatOf(lines.map((line, i) => ({ amountExclVat: shares[i]!, vatRate: line.vatRate })));
  const order = invoice.order;
  const note = tx.create(CreditNote, {
    number: await nextNumber(tx, 'credit_note_number_seq', 'AV'),
    incidentId: incident.incidentId,
    order,
    invoice,
    entityId: order.entityId,
    brandId: order.brandId,
    amountExclVat: amount.toFixed(2),
    vatAmount: vat.totalVat.toFixed(2),
    reason,
    statedByName: caller.name,
    statedByRole: caller.role,
  });
  note.lines.add(
    lines.map((line, position) =>
      tx.create(CreditNoteLine, {
        creditNote: note,
        orderLine: line.orderLine,
        position,
        designation: line.designation,
        amountExclVat: shares[position]!.toFixed(2),
        vatRate: line.vatRate,
      }),
    ),
  );
  tx.persist(note);
  recordCreditNoteIssued(tx, note, order, caller);
  publish(tx, TOPICS.creditNoteIssued, {
    creditNoteId: note.id,
    number: note.number,
    incidentId: note.incidentId,
    orderId: order.id,
    invoiceNumber: invoice.number,
    amountExclVat: note.amountExclVat,
    reason,
    statedByName: caller.name,
    lines: note.lines.getItems().map((line) => ({ orderLineId: line.orderLine.id, amountExclVat: line.amountExclVat })),
  } satisfies CreditNoteIssued);
  return note;
}

/**
 * Shares an amount over weights in exact cents, in proportion (largest remainders take the
 * leftover cents), so that the shares add up to the amount.
 */
export function allocate(amount: Decimal, weights: Decimal[]): Decimal[] {
  const total = weights.reduce((sum, w) => sum.plus(w), new Dec(0));
  if (total.isZero()) return split(amount, weights.length);
  const cents = amount.times(100);
  const exact = weights.map((w) => cents.times(w).dividedBy(total));
  const floors = exact.map((e) => e.floor());
  let left = cents.minus(floors.reduce((sum, f) => sum.plus(f), new Dec(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, rest: e.minus(floors[i]!) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i] = floors[i]!.plus(1);
  }
  return floors.map((f) => toCents(f.dividedBy(100)));
}

export interface InvoiceFilter {
  statuses?: InvoiceStatus[];
  orderId?: string;
  /** Issue dates from this day… */
  from?: string;
  /** …to this one. */
  to?: string;
  legalCommitmentNumber?: string;
}

/** "Factures": the invoices the caller may read, latest issue date first. */
export function listInvoices(em: EntityManager, caller: Identity, filter: InvoiceFilter, page: PageArgs) {
  const where: FilterQuery<Invoice>[] = [];
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.orderId) where.push({ order: filter.orderId });
  if (filter.from) where.push({ issueDate: { $gte: filter.from } });
  if (filter.to) where.push({ issueDate: { $lte: filter.to } });
  if (filter.legalCommitmentNumber) where.push({ legalCommitmentNumber: filter.legalCommitmentNumber });
  return paginate(
    em,
    Invoice,
    invoicesFor(em, caller).where({ $and: where }),
    [{ issueDate: 'desc' }, { id: 'desc' }],
    page,
  );
}
