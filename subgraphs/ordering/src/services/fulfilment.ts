import type { EntityManager } from '@mikro-orm/postgresql';
import { changesBetween, type FieldChange } from '@nuage/history';
import {
  conflict,
  Dec,
  forbidden,
  formatDay,
  formatQuantity,
  invalid,
  invalidTransition,
  notFound,
  publish,
  take,
  todayInParis,
  type Identity,
  assertMayTake,
} from '@nuage/platform';
import { TOPICS, type ActivationDisputed, type OrderActivated, type ServicesOpened } from '@nuage/contracts';
import { DelayRequest, DelayStatus, Delivery, DeliveryLine, Order, OrderLine } from '../entities/index.js';
import { assertMay, delayRequestsFor, ordersFor } from './access.js';
import { ORDER_LIFECYCLE, type OrderTransition } from './order-lifecycle.js';
import { addMonths, dayAfter, dayBefore } from './invoices.js';
import { scheduleInvoices } from './billing.js';
import { totalsOf } from './pricing.js';
import { nextNumber, once } from './idempotency.js';
import { recordDeliveryIssued, recordOrderStep } from './history.js';

const loadOrder = (tx: EntityManager, id: string) => tx.findOneOrFail(Order, { id });

/** The order if the caller may see it (NOT_FOUND otherwise), locked for the change to come. */
const lockedOrder = (em: EntityManager, caller: Identity, id: string, field = 'orderId') =>
  ordersFor(em, caller).get(id, { field, lock: true });

/** Moves an order along its lifecycle and records the step in its history. */
function move(
  tx: EntityManager,
  order: Order,
  transition: OrderTransition,
  caller: Identity,
  comment?: string | null,
  changes?: FieldChange[],
) {
  const from = order.status;
  order.status = take(ORDER_LIFECYCLE, from, transition, caller.role);
  recordOrderStep(tx, order, caller, from, { action: transition, comment, changes });
}

/** UGAP validates the order: its own reference, the Chorus purchase request number, the planned delivery. */
export async function validateOrder(
  em: EntityManager,
  caller: Identity,
  id: string,
  input: { ugapReference: string; chorusPurchaseRequestNumber: string; plannedDeliveryDate: string },
): Promise<Order> {
  assertMayTake(ORDER_LIFECYCLE, 'validate', caller);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, caller, id, 'id');
    const ugapReference = input.ugapReference.trim();
    const chorusPurchaseRequestNumber = input.chorusPurchaseRequestNumber.trim();
    if (!/^[\w-]{3,40}$/.test(ugapReference))
      throw invalid('input.ugapReference', {
        fr: 'La référence UGAP compte de 3 à 40 lettres, chiffres, - ou _.',
        en: "UGAP's reference is 3 to 40 letters, digits, - or _.",
      });
    if (!/^\d{6,15}$/.test(chorusPurchaseRequestNumber))
      throw invalid('input.chorusPurchaseRequestNumber', {
        fr: "Un numéro de demande d'achat Chorus compte de 6 à 15 chiffres.",
        en: 'A Chorus purchase request number is 6 to 15 digits.',
      });
    if (input.plannedDeliveryDate < todayInParis())
      throw invalid('input.plannedDeliveryDate', {
        fr: 'La livraison prévue ne peut pas être dans le passé.',
        en: 'The planned delivery cannot be in the past.',
      });
    const validated = { ugapReference, chorusPurchaseRequestNumber, plannedDeliveryDate: input.plannedDeliveryDate };
    const changes = changesBetween(
      {
        ugapReference: order.ugapReference,
        chorusPurchaseRequestNumber: order.chorusPurchaseRequestNumber,
        plannedDeliveryDate: order.plannedDeliveryDate,
      },
      validated,
    );
    Object.assign(order, validated);
    move(tx, order, 'validate', caller, null, changes);
    return order;
  });
}

/** UGAP cancels an order it cannot process, before validating it; the buyer and the supplier read why in its history. */
export async function cancelOrder(em: EntityManager, caller: Identity, id: string, reason: string): Promise<Order> {
  assertMayTake(ORDER_LIFECYCLE, 'cancel', caller);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, caller, id, 'id');
    const why = reason.trim();
    if (why.length < 3)
      throw invalid('reason', {
        fr: 'Indiquez pourquoi la commande est annulée.',
        en: 'Say why the order is cancelled.',
      });
    move(tx, order, 'cancel', caller, why);
    return order;
  });
}

/** "Demande de délai": the buyer (or the supplier) asks to move the planned delivery. */
export async function requestDelay(
  em: EntityManager,
  caller: Identity,
  orderId: string,
  requestedDate: string,
  reason: string,
): Promise<DelayRequest> {
  assertMay(caller, 'delay:request');
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, caller, orderId);
    if (order.status !== 'TO_DELIVER')
      throw invalid('orderId', {
        fr: 'Un délai se demande sur une commande à livrer.',
        en: 'A delay is asked for on an order to deliver.',
      });
    if (requestedDate <= todayInParis())
      throw invalid('requestedDate', {
        fr: 'La nouvelle date doit être dans le futur.',
        en: 'The new date must be in the future.',
      });
    if (reason.trim().length < 3) throw invalid('reason', { fr: 'Indiquez pourquoi.', en: 'Say why.' });
    if (await tx.findOne(DelayRequest, { order, status: DelayStatus.PENDING }))
      throw conflict(
        {
          fr: 'Une demande de délai sur cette commande attend déjà une réponse.',
          en: 'A delay request on this order already awaits an answer.',
        },
        'orderId',
      );
    const delay = tx.create(DelayRequest, {
      order,
      requestedDate,
      reason: reason.trim(),
      requestedByName: caller.name,
      requestedByRole: caller.role,
    });
    tx.persist(delay);
    recordOrderStep(tx, order, caller, null, {
      action: 'requestDelay',
      comment: delay.reason,
      changes: changesBetween(
        { plannedDeliveryDate: order.plannedDeliveryDate },
        { plannedDeliveryDate: requestedDate },
      ),
      summary: {
        fr: `Demande de délai sur la commande ${order.reference} : livraison au ${formatDay(requestedDate, 'fr')}`,
        en: `Delay requested on order ${order.reference}: delivery on ${formatDay(requestedDate, 'en')}`,
      },
    });
    return delay;
  });
}

/** The supplier or UGAP answers a delay request; accepted, the planned delivery moves. */
export async function answerDelay(
  em: EntityManager,
  caller: Identity,
  id: string,
  accept: boolean,
  answer: string | undefined,
): Promise<DelayRequest> {
  assertMay(caller, 'delay:answer');
  return em.transactional(async (tx) => {
    const delay = await delayRequestsFor(tx, caller).get(id, { populate: ['order'] });
    if (caller.role === delay.requestedByRole)
      throw forbidden({
        fr: "Une demande de délai est répondue par l'autre partie.",
        en: 'A delay request is answered by the other party.',
      });
    if (delay.status !== DelayStatus.PENDING)
      throw invalidTransition({
        fr: 'Cette demande de délai a déjà reçu une réponse.',
        en: 'This delay request was already answered.',
      });
    Object.assign(delay, {
      status: accept ? DelayStatus.ACCEPTED : DelayStatus.REFUSED,
      answeredByName: caller.name,
      answer: answer?.trim() || null,
      answeredAt: new Date(),
    });
    const before = delay.order.plannedDeliveryDate;
    if (accept) delay.order.plannedDeliveryDate = delay.requestedDate;
    recordOrderStep(tx, delay.order, caller, null, {
      action: accept ? 'acceptDelay' : 'refuseDelay',
      comment: delay.answer,
      changes: changesBetween(
        { plannedDeliveryDate: before },
        { plannedDeliveryDate: delay.order.plannedDeliveryDate },
      ),
      summary: accept
        ? {
            fr: `Délai accordé sur la commande ${delay.order.reference} : livraison au ${formatDay(delay.requestedDate, 'fr')}`,
            en: `Delay granted on order ${delay.order.reference}: delivery on ${formatDay(delay.requestedDate, 'en')}`,
          }
        : {
            fr: `Délai refusé sur la commande ${delay.order.reference}`,
            en: `Delay refused on order ${delay.order.reference}`,
          },
    });
    return delay;
  });
}

export interface DeliveredQuantity {
  orderLineId: string;
  quantity: string;
}

/** The supplier records a delivery note, line by line; when every line is delivered, so is the order. */
export function recordDelivery(
  em: EntityManager,
  caller: Identity,
  orderId: string,
  deliveredOn: string,
  lines: DeliveredQuantity[],
  key: string,
): Promise<Order> {
  assertMayTake(ORDER_LIFECYCLE, 'deliverPart', caller);
  return once(
    em,
    caller,
    key,
    { operation: 'deliver', input: { orderId, deliveredOn, lines } },
    loadOrder,
    async (tx) => {
      const order = await lockedOrder(tx, caller, orderId);
      if (deliveredOn > todayInParis())
        throw invalid('deliveredOn', {
          fr: "Une livraison s'enregistre une fois faite : pas dans le futur.",
          en: 'A delivery is recorded once done: not in the future.',
        });
      if (lines.length === 0)
        throw invalid('lines', { fr: 'Livrez au moins une ligne.', en: 'Deliver one line at least.' });
      const orderLines = await tx.find(OrderLine, { order });
      const delivery = tx.create(Delivery, {
        number: await nextNumber(tx, 'delivery_number_seq', 'BL'),
        order,
        brandId: order.brandId,
        entityId: order.entityId,
        deliveredOn,
        recordedByName: caller.name,
      });
      lines.forEach((line, i) => {
        const orderLine = orderLines.find((l) => l.id === line.orderLineId);
        if (!orderLine) throw notFound({ fr: 'La ligne de commande', en: 'The order line' }, `lines.${i}.orderLineId`);
        const quantity = new Dec(line.quantity);
        const delivered = new Dec(orderLine.quantityDelivered).plus(quantity);
        if (quantity.lte(0))
          throw invalid(`lines.${i}.quantity`, {
            fr: 'Une quantité livrée est positive.',
            en: 'A delivered quantity is positive.',
          });
        if (delivered.greaterThan(orderLine.quantity))
          throw invalid(`lines.${i}.quantity`, {
            fr: `Il ne reste que ${formatQuantity(new Dec(orderLine.quantity).minus(orderLine.quantityDelivered), 'fr')} à livrer sur cette ligne.`,
            en: `Only ${formatQuantity(new Dec(orderLine.quantity).minus(orderLine.quantityDelivered), 'en')} remain to deliver on this line.`,
          });
        Object.assign(orderLine, { quantityDelivered: delivered.toFixed(2), deliveredOn, lastUpdateAt: new Date() });
        tx.persist(tx.create(DeliveryLine, { delivery, orderLine, quantity: quantity.toFixed(2) }));
      });
      const complete = orderLines.every((l) => new Dec(l.quantityDelivered).gte(l.quantity));
      move(tx, order, complete ? 'deliverAll' : 'deliverPart', caller);
      tx.persist(delivery);
      recordDeliveryIssued(tx, delivery, order, caller);
      return order;
    },
  );
}

/** The supplier declares the services open; the buyer is told (dashboard, email through the requests subgraph). */
export function declareServicesOpen(
  em: EntityManager,
  caller: Identity,
  orderId: string,
  note: string | undefined,
  key: string,
): Promise<Order> {
  assertMayTake(ORDER_LIFECYCLE, 'openServices', caller);
  return once(em, caller, key, { operation: 'open', input: { orderId, note } }, loadOrder, async (tx) => {
    const order = await lockedOrder(tx, caller, orderId);
    move(tx, order, 'openServices', caller, note?.trim() || null);
    order.servicesOpenedAt = new Date();
    publish(tx, TOPICS.servicesOpened, {
      orderId: order.id,
      orderReference: order.reference,
      entityId: order.entityId,
      brandId: order.brandId,
      fileNumber: order.fileNumber,
      note: note?.trim() || null,
    } satisfies ServicesOpened);
    return order;
  });
}

/**
 * When a subscription starts: at its activation, or for a renewal the day after the last due date
 * of the lines it renews, so that it never overlaps the subscription still running.
 */
async function subscriptionStart(tx: EntityManager, order: Order, today: string): Promise<string> {
  if (order.renewsOrderLineIds.length === 0 || !order.commitmentMonths) return today;
  const renewed = await tx.find(OrderLine, { id: { $in: order.renewsOrderLineIds } }, { populate: ['order'] });
  const lastDue = renewed
    .map((line) => line.order.dueDate)
    .filter((due): due is string => due !== null)
    .sort()
    .at(-1);
  const next = lastDue ? dayAfter(lastDue) : today;
  return next > today ? next : today;
}

/**
 * The buyer validates the activation ("admission de la mise en service"): the subscription starts
 * (today, or after the subscription a renewal extends), runs to its due date, and its invoices are
 * scheduled to term.
 */
export async function validateActivation(em: EntityManager, caller: Identity, orderId: string): Promise<Order> {
  assertMayTake(ORDER_LIFECYCLE, 'validateActivation', caller);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, caller, orderId);
    move(tx, order, 'validateActivation', caller);
    const start = await subscriptionStart(tx, order, todayInParis());
    order.activatedAt = new Date();
    order.startDate = start;
    order.dueDate = order.commitmentMonths ? dayBefore(addMonths(start, order.commitmentMonths)) : null;
    const lines = await tx.find(OrderLine, { order }, { orderBy: { position: 'asc' } });
    const totals = totalsOf(lines);
    publish(tx, TOPICS.orderActivated, {
      orderId: order.id,
      reference: order.reference,
      requestId: order.requestId,
      entityId: order.entityId,
      brandId: order.brandId,
      projectName: order.projectName,
      startDate: start,
      dueDate: order.dueDate ?? dayBefore(addMonths(start, 12)),
      lines: lines.map((line, i) => ({
        orderLineId: line.id,
        designation: line.designation,
        committedAmount: totals.lines[i]!.totalExclVat.toFixed(2),
        topsUpOrderLineId: order.creditsForOrderLineId,
      })),
    } satisfies OrderActivated);
    await scheduleInvoices(tx, order, lines, start);
    return order;
  });
}

/** The buyer reports a problem with the services declared open: the incidents subgraph opens an incident. */
export async function reportActivationProblem(
  em: EntityManager,
  caller: Identity,
  orderId: string,
  description: string,
): Promise<Order> {
  assertMayTake(ORDER_LIFECYCLE, 'reportProblem', caller);
  return em.transactional(async (tx) => {
    const order = await lockedOrder(tx, caller, orderId);
    const text = description.trim();
    if (text.length < 10)
      throw invalid('description', {
        fr: 'Décrivez le problème (10 caractères au moins).',
        en: 'Describe the problem (10 characters at least).',
      });
    move(tx, order, 'reportProblem', caller, text);
    publish(tx, TOPICS.activationDisputed, {
      orderId: order.id,
      orderReference: order.reference,
      requestId: order.requestId,
      entityId: order.entityId,
      brandId: order.brandId,
      description: text,
      reportedById: caller.userId,
      reportedByName: caller.name,
    } satisfies ActivationDisputed);
    return order;
  });
}
