import type { EntityManager } from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import { Dec, sql, type Identity } from '@nuage/platform';
import { assertMay } from './access.js';

/**
 * Order ↔ invoice reconciliation, excl. VAT: what is committed (the order line's total), invoiced
 * (issued invoices, suspended and paid included), credited (credit notes) and paid (paid invoices
 * net of their credit notes). One statement for any number of lines, orders or groups.
 */
export interface BillingFigures {
  committed: Decimal;
  invoiced: Decimal;
  credited: Decimal;
  paid: Decimal;
}

interface FigureRow {
  key: string;
  committed: string;
  invoiced: string;
  credited: string;
  paid: string;
}

/** Ids as one PostgreSQL array parameter (`= any(?::uuid[])`): one statement whatever their number. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

const figures = (row: FigureRow | undefined): BillingFigures => ({
  committed: new Dec(row?.committed ?? 0),
  invoiced: new Dec(row?.invoiced ?? 0),
  credited: new Dec(row?.credited ?? 0),
  paid: new Dec(row?.paid ?? 0),
});

/**
 * The figures of the order lines `where` selects (over the line `l` and its order `o`), grouped by
 * `group`: only their invoice and credit note lines are read.
 */
const FIGURES_BY = (group: string, where: string) => `
  with lines as (
    select l.id, l.quantity, l.unit_price, ${group} as key
    from order_line l join customer_order o on o.id = l.order_id where ${where}
  ), invoiced as (
    select il.order_line_id,
      sum(il.amount_excl_vat) filter (where i.status in ('ISSUED', 'SUSPENDED', 'PAID')) as invoiced,
      sum(il.amount_excl_vat) filter (where i.status = 'PAID') as paid
    from invoice_line il join invoice i on i.id = il.invoice_id
    where il.order_line_id in (select id from lines) group by il.order_line_id
  ), credited as (
    select cl.order_line_id, sum(cl.amount_excl_vat) as credited,
      sum(cl.amount_excl_vat) filter (where i.status = 'PAID') as credited_paid
    from credit_note_line cl join credit_note c on c.id = cl.credit_note_id join invoice i on i.id = c.invoice_id
    where cl.order_line_id in (select id from lines) group by cl.order_line_id
  )
  select l.key,
    sum(round(l.quantity * l.unit_price, 2)) as committed,
    coalesce(sum(inv.invoiced), 0) as invoiced,
    coalesce(sum(cr.credited), 0) as credited,
    coalesce(sum(inv.paid), 0) - coalesce(sum(cr.credited_paid), 0) as paid
  from lines l
  left join invoiced inv on inv.order_line_id = l.id
  left join credited cr on cr.order_line_id = l.id
  group by l.key`;

/** The figures of these order lines, in their order. */
export async function figuresOfLines(em: EntityManager, lineIds: readonly string[]): Promise<BillingFigures[]> {
  const rows = await sql<FigureRow[]>(em, FIGURES_BY('l.id', 'l.id = any(?::uuid[])'), [uuidArray(lineIds)]);
  return lineIds.map((id) => figures(rows.find((r) => r.key === id)));
}

/** The figures of these orders, in their order. */
export async function figuresOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<BillingFigures[]> {
  const rows = await sql<FigureRow[]>(em, FIGURES_BY('l.order_id', 'l.order_id = any(?::uuid[])'), [
    uuidArray(orderIds),
  ]);
  return orderIds.map((id) => figures(rows.find((r) => r.key === id)));
}

/** What the buyer still owes on these orders, incl. VAT: issued and suspended invoices, net of their credit notes. */
export async function outstandingOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<Decimal[]> {
  const rows = await sql<{ key: string; due: string }[]>(
    em,
    `select i.order_id as key, sum(i.amount_excl_vat + i.vat_amount
       - coalesce((select sum(c.amount_excl_vat + c.vat_amount) from credit_note c where c.invoice_id = i.id), 0)) as due
     from invoice i where i.order_id = any(?::uuid[]) and i.status in ('ISSUED', 'SUSPENDED') group by i.order_id`,
    [uuidArray(orderIds)],
  );
  return orderIds.map((id) => new Dec(rows.find((r) => r.key === id)?.due ?? 0));
}

export enum BillingDimension {
  ENTITY = 'ENTITY',
  BRAND = 'BRAND',
}

/** The market's billing figures by entity or by brand, orders not cancelled (market-wide staff only). */
export async function billingByGroup(
  em: EntityManager,
  caller: Identity,
  dimension: BillingDimension,
): Promise<(BillingFigures & { key: string })[]> {
  assertMay(caller, 'billing:aggregate');
  const column = dimension === BillingDimension.ENTITY ? 'o.entity_id' : 'o.brand_id';
  const rows = await sql<FigureRow[]>(em, `${FIGURES_BY(column, "o.status <> 'CANCELLED'")} order by committed desc`);
  return rows.map((row) => ({ key: row.key, ...figures(row) }));
}
