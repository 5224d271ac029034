import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Connection,
  DEFAULT_LIST_LIMIT,
  NESTED_LIST_CAP,
  LocalDate,
  MutationPayload,
  PageArgs,
  Money,
  pick,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import {
  BeneficiaryEntityReference,
  BrandReference,
  DelayRequest,
  CreditNote,
  Invoice,
  Order,
  OrderLine,
  ORDER_STATUS_LABELS,
  Proposal,
  RequestReference,
} from '../entities/index.js';
import { listOrders } from '../services/orders.js';
import {
  answerDelay,
  cancelOrder,
  declareServicesOpen,
  recordDelivery,
  reportActivationProblem,
  requestDelay,
  validateActivation,
  validateOrder,
} from '../services/fulfilment.js';
import { OrderAction } from '../services/order-lifecycle.js';
import type { Context } from '../loaders.js';
import { quoteTotals, QuoteTotals } from './pricing.types.js';
import { orderActionsOf, ordersFor } from '../services/access.js';
import { DeliveredLineInput, OrderFilter, RecordLegalCommitmentInput, ValidateOrderInput } from './order.inputs.js';
import { BillingGroup, OrderBilling, reconciliation } from './billing.types.js';
import { BillingDimension, billingByGroup } from '../services/billing-figures.js';
import { recordLegalCommitment } from '../services/legal-commitments.js';

const OrderConnection = Connection(Order, 'Order', 'order');
const OrderPayload = MutationPayload(Order, 'OrderPayload', 'order', 'order');
const DelayRequestPayload = MutationPayload(DelayRequest, 'DelayRequestPayload', 'delayRequest', 'delay request');

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, {
    description: "Orders the caller may see (own entity's, own brand's, or all for market-wide staff), newest first.",
  })
  orders(
    @Arg('filter', () => OrderFilter, { nullable: true, description: 'Criteria that must all hold.' }) filter:
      | OrderFilter
      | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listOrders(context.em, caller, { ...filter }, page);
  }

  @Query(() => Order, {
    nullable: true,
    description: '"Détail de la commande": one order, if the caller may see it (NOT_FOUND otherwise).',
  })
  order(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return ordersFor(em, caller).get(id);
  }

  @Mutation(() => OrderPayload, { description: 'UGAP validates an order: it is then "A livrer".' })
  validateOrder(
    @Arg('id', () => ID, { description: 'The order.' }) id: string,
    @Arg('input', () => ValidateOrderInput, { description: 'References and date.' }) input: ValidateOrderInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return validateOrder(context.em, caller, id, input).then(succeeded);
  }

  @Mutation(() => OrderPayload, {
    description:
      'UGAP cancels an order it cannot process (no purchase request in Chorus, for instance), before validating it.',
  })
  cancelOrder(
    @Arg('id', () => ID, { description: 'The order.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, for the buyer and the supplier.' }) reason: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return cancelOrder(context.em, caller, id, reason).then(succeeded);
  }

  @Mutation(() => DelayRequestPayload, { description: '"Demande de délai": asks to move the planned delivery date.' })
  requestDelay(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('requestedDate', () => LocalDate, { description: 'The new date.' }) requestedDate: string,
    @Arg('reason', () => String, { description: 'Why.' }) reason: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return requestDelay(context.em, caller, orderId, requestedDate, reason).then(succeeded);
  }

  @Mutation(() => DelayRequestPayload, {
    description: 'Answers a delay request (the supplier or UGAP); accepted, the planned delivery moves.',
  })
  answerDelayRequest(
    @Arg('id', () => ID, { description: 'The delay request.' }) id: string,
    @Arg('accept', () => Boolean, { description: 'Accept or refuse.' }) accept: boolean,
    @Arg('answer', () => String, { nullable: true, description: 'A comment.' }) answer: string | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return answerDelay(context.em, caller, id, accept, answer).then(succeeded);
  }

  @Mutation(() => OrderPayload, {
    description: 'Records a delivery note, line by line. Safe to retry with the same idempotency key.',
  })
  recordDelivery(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('deliveredOn', () => LocalDate, { description: 'Delivery date.' }) deliveredOn: string,
    @Arg('lines', () => [DeliveredLineInput], { description: 'What is delivered.' }) lines: DeliveredLineInput[],
    @Arg('idempotencyKey', () => String, { description: 'A key of yours for this call.' }) key: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return recordDelivery(
      context.em,
      caller,
      orderId,
      deliveredOn,
      lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity.toFixed() })),
      key,
    ).then(succeeded);
  }

  @Mutation(() => OrderPayload, {
    description:
      'Declares the services open; the buyer is told and validates them. Safe to retry with the same idempotency key.',
  })
  declareServicesOpen(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('note', () => String, { nullable: true, description: 'Access details or a message for the buyer.' }) note:
      | string
      | undefined,
    @Arg('idempotencyKey', () => String, { description: 'A key of yours for this call.' }) key: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return declareServicesOpen(context.em, caller, orderId, note, key).then(succeeded);
  }

  @Mutation(() => OrderPayload, {
    description:
      'Validates the activation ("admission de la mise en service"): the subscription starts and its invoices are scheduled.',
  })
  validateActivation(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return validateActivation(context.em, caller, orderId).then(succeeded);
  }

  @Mutation(() => OrderPayload, {
    description: 'Reports a problem with the services declared open: an incident is opened.',
  })
  reportActivationProblem(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('description', () => String, { description: 'What is wrong.' }) description: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return reportActivationProblem(context.em, caller, orderId, description).then(succeeded);
  }

  @FieldResolver(() => String, { description: 'The status in the caller\'s language, e.g. "A livrer".' })
  statusLabel(@Root() order: Order, @Ctx() { locale }: Context) {
    return pick(ORDER_STATUS_LABELS[order.status], locale);
  }

  @FieldResolver(() => [OrderAction], {
    description: 'What the caller may do with it now: each value names the mutation to call.',
  })
  availableActions(@Root() order: Order, @Caller() caller: Identity): OrderAction[] {
    return orderActionsOf(caller, order);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether an incident on it is open ("litige en cours"), as the incidents subgraph announced.',
  })
  async disputed(@Root() order: Order, @Ctx() { loaders }: Context) {
    return (await loaders.openIncidentsByOrder.load(order.id)) > 0;
  }

  @FieldResolver(() => [OrderLine], { description: `Its lines (at most ${DEFAULT_LIST_LIMIT}, as a proposal has).` })
  lines(@Root() order: Order, @Ctx() { loaders }: Context) {
    return loaders.linesByOrder.load(order.id);
  }

  @FieldResolver(() => QuoteTotals, { description: 'Totals, VAT per rate, excl. and incl. VAT.' })
  async totals(@Root() order: Order, @Ctx() { loaders, locale }: Context) {
    return quoteTotals(await loaders.linesByOrder.load(order.id), locale);
  }

  @FieldResolver(() => [DelayRequest], { description: 'Its delay requests, latest first.' })
  delayRequests(@Root() order: Order, @Ctx() { loaders }: Context) {
    return loaders.delaysByOrder.load(order.id);
  }

  @FieldResolver(() => [Invoice], {
    description: 'Its billing schedule to term: invoices issued and to come, in order.',
  })
  schedule(@Root() order: Order, @Ctx() { loaders }: Context) {
    return loaders.invoicesByOrder.load(order.id);
  }

  @FieldResolver(() => [CreditNote], { description: 'Its credit notes ("avoirs"), oldest first.' })
  creditNotes(@Root() order: Order, @Ctx() { loaders }: Context) {
    return loaders.creditNotesByOrder.load(order.id);
  }

  @FieldResolver(() => OrderBilling, {
    description: 'Committed, invoiced, credited and paid (excl. VAT), what is still owed, and the EJ.',
  })
  async billing(@Root() order: Order, @Ctx() { loaders, locale }: Context): Promise<OrderBilling> {
    const [figures, outstanding] = await Promise.all([
      loaders.billingByOrder.load(order.id),
      loaders.outstandingByOrder.load(order.id),
    ]);
    return {
      ...reconciliation(figures, locale),
      outstandingInclVat: Money.of(outstanding, locale),
      legalCommitmentNumber: order.legalCommitmentNumber,
    };
  }

  @Mutation(() => OrderPayload, {
    description:
      'The buyer records the legal commitment (EJ, 10 digits) Chorus gave the purchase request it raised for this order; corrected until an invoice carries it.',
  })
  recordLegalCommitment(
    @Arg('input', () => RecordLegalCommitmentInput, { description: 'The order and its EJ.' })
    input: RecordLegalCommitmentInput,
    @Ctx() { em }: Context,
    @Caller() caller: Identity,
  ) {
    return recordLegalCommitment(em, caller, input.orderId, input.number).then(succeeded);
  }

  @Query(() => [BillingGroup], {
    nullable: true,
    description:
      "The market's billing by beneficiary entity or by brand: committed, invoiced, credited, paid (market holder, UGAP, analysts).",
  })
  async billingSummary(
    @Arg('dimension', () => BillingDimension, { description: 'How to group.' }) dimension: BillingDimension,
    @Ctx() { em, locale }: Context,
    @Caller() caller: Identity,
  ): Promise<BillingGroup[]> {
    return (await billingByGroup(em, caller, dimension)).map((group) => ({
      ...reconciliation(group, locale),
      key: group.key,
      beneficiaryEntity: dimension === BillingDimension.ENTITY ? BeneficiaryEntityReference.of(group.key) : null,
      brand: dimension === BillingDimension.BRAND ? BrandReference.of(group.key) : null,
    }));
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The accepted proposal it comes from ("N° de devis").',
  })
  proposal(@Root() order: Order, @Ctx() { loaders }: Context) {
    return order.proposalId ? loaders.proposalById.load(order.proposalId) : null;
  }

  @FieldResolver(() => [Order], {
    description: `"Commandes liées": the other orders of the same project of the entity, latest first: the first ${NESTED_LIST_CAP}.`,
  })
  async linkedOrders(@Root() order: Order, @Ctx() context: Context) {
    if (!order.projectName) return [];
    const project = await context.loaders.ordersByProject.load(JSON.stringify([order.entityId, order.projectName]));
    return project.filter((other) => other.id !== order.id).slice(0, NESTED_LIST_CAP);
  }

  @FieldResolver(() => RequestReference, { nullable: true, description: 'The request it answers.' })
  request(@Root() order: Order) {
    return order.requestId ? RequestReference.of(order.requestId) : null;
  }

  @FieldResolver(() => BrandReference, { description: 'The provider delivering the order.' })
  brand(@Root() order: Order) {
    return BrandReference.of(order.brandId);
  }

  @FieldResolver(() => BeneficiaryEntityReference, { description: 'The entity that ordered.' })
  beneficiaryEntity(@Root() order: Order) {
    return BeneficiaryEntityReference.of(order.entityId);
  }
}
