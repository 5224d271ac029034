import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { invalid, paginate, startOfParisDay, subquery, type Identity, type PageArgs } from '@nuage/platform';
import { Delivery, Order, OrderLine, OrderStatus, SubscriptionOrder } from '../entities/index.js';
import { totalsOf } from './pricing.js';
import { deliveriesFor, orderScope, ordersFor, subscriptionOrdersFor } from './access.js';

const PERIOD_RULE = {
  fr: 'La fin de la période précède son début.',
  en: 'The end of the period comes before its start.',
};
const like = (words: string, field: string) => {
  const text = words.trim();
  if (text.length < 2)
    throw invalid(field, {
      fr: 'Tapez au moins 2 caractères pour chercher.',
      en: 'Type at least 2 characters to search.',
    });
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
};
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function period(from: string | undefined, to: string | undefined, field: string): FilterQuery<{ createdAt: Date }>[] {
  if (from && to && to < from) throw invalid(`filter.to`, PERIOD_RULE);
  return [
    ...(from ? [{ [field]: { $gte: startOfParisDay(from) } }] : []),
    ...(to ? [{ [field]: { $lt: startOfParisDay(nextDay(to)) } }] : []),
  ] as never;
}

export interface OrderFilter {
  statuses?: OrderStatus[];
  /** Our number (CC…), UGAP's reference, the proposal (DC…), the file number or the buyer's EJ. */
  reference?: string;
  from?: string;
  to?: string;
}

/** "Commandes": the caller's orders, newest first. */
export function listOrders(em: EntityManager, caller: Identity, filter: OrderFilter, page: PageArgs) {
  const where: FilterQuery<Order>[] = [...(period(filter.from, filter.to, 'placedAt') as FilterQuery<Order>[])];
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.reference !== undefined) {
    const pattern = like(filter.reference, 'filter.reference');
    where.push({
      $or: [
        { reference: { $ilike: pattern } },
        { ugapReference: { $ilike: pattern } },
        { proposalNumber: { $ilike: pattern } },
        { fileNumber: { $ilike: pattern } },
        { legalCommitmentNumber: { $ilike: pattern } },
      ],
    });
  }
  const orders = ordersFor(em, caller);
  return paginate(
    em,
    Order,
    orders.where({ $and: where }),
    [{ placedAt: 'desc' }, { id: 'desc' }],
    page,
    // Unfiltered, the list counts what the dashboard counts by status.
    where.length ? undefined : () => orders.countsByStatus().total(),
  );
}

/** "Bons de souscription": newest first. */
export function listSubscriptionOrders(em: EntityManager, caller: Identity, page: PageArgs) {
  const where = subscriptionOrdersFor(em, caller).where();
  return paginate(em, SubscriptionOrder, where, [{ createdAt: 'desc' }, { id: 'desc' }], page);
}

/** "Bons de livraison": newest first. */
export function listDeliveries(em: EntityManager, caller: Identity, page: PageArgs) {
  return paginate(em, Delivery, deliveriesFor(em, caller).where(), [{ createdAt: 'desc' }, { id: 'desc' }], page);
}

export interface RenewalFilter {
  dueFrom?: string;
  dueTo?: string;
  siret?: string;
  /** An order, UGAP, proposal or file number. */
  documentNumber?: string;
  brandId?: string;
  /** Words of the product's reference or designation. */
  product?: string;
}

/**
 * "Choix de la commande": the lines of running subscriptions, by due date, that a renewal could
 * extend, with their order; at most 500 lines (narrow the search beyond).
 */
export async function renewalCandidates(
  em: EntityManager,
  caller: Identity,
  filter: RenewalFilter,
): Promise<OrderLine[]> {
  const order: FilterQuery<Order>[] = [orderScope(caller), { status: OrderStatus.ACTIVATED }];
  if (filter.dueFrom && filter.dueTo && filter.dueTo < filter.dueFrom) throw invalid('filter.dueTo', PERIOD_RULE);
  if (filter.dueFrom) order.push({ dueDate: { $gte: filter.dueFrom } });
  if (filter.dueTo) order.push({ dueDate: { $lte: filter.dueTo } });
  if (filter.siret !== undefined) {
    if (!/^\d{14}$/.test(filter.siret.replace(/\s/g, '')))
      throw invalid('filter.siret', { fr: 'Un SIRET compte 14 chiffres.', en: 'A SIRET is 14 digits.' });
    order.push({ entitySiret: filter.siret.replace(/\s/g, '') });
  }
  if (filter.brandId) order.push({ brandId: filter.brandId });
  if (filter.documentNumber !== undefined) {
    const pattern = like(filter.documentNumber, 'filter.documentNumber');
    order.push({
      $or: [
        { reference: { $ilike: pattern } },
        { ugapReference: { $ilike: pattern } },
        { proposalNumber: { $ilike: pattern } },
        { fileNumber: { $ilike: pattern } },
      ],
    });
  }
  // A line already renewed by an order (not cancelled) is no longer a candidate.
  const renewed = em
    .createQueryBuilder(Order, 'renewal')
    .select(raw('unnest(renewal.renews_order_line_ids)::uuid'))
    .where({ status: { $ne: OrderStatus.CANCELLED } });
  const line: FilterQuery<OrderLine>[] = [{ order: { $and: order } }, { id: { $nin: subquery(renewed) } }];
  if (filter.product !== undefined) {
    const pattern = like(filter.product, 'filter.product');
    line.push({ $or: [{ productCode: { $ilike: pattern } }, { designation: { $ilike: pattern } }] });
  }
  return em.find(
    OrderLine,
    { $and: line },
    { populate: ['order'], orderBy: { order: { dueDate: 'asc', projectName: 'asc' }, position: 'asc' }, limit: 500 },
  );
}

/** The renewal candidates grouped by project, with their count and what renewing them all amounts to excl. VAT. */
export async function renewalCandidatesByProject(em: EntityManager, caller: Identity, filter: RenewalFilter) {
  const lines = await renewalCandidates(em, caller, filter);
  const projects = new Map<string, OrderLine[]>();
  for (const line of lines) {
    const name = line.order.projectName ?? '—';
    projects.set(name, [...(projects.get(name) ?? []), line]);
  }
  return {
    count: lines.length,
    totalPotential: totalsOf(lines).totalExclVat,
    projects: [...projects].map(([projectName, projectLines]) => ({ projectName, lines: projectLines })),
  };
}
