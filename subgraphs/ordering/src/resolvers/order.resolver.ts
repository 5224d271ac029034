import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Connection,
  DEFAULT_LIST_LIMIT,
  NESTED_LIST_CAP,
  Dec,
  DecimalScalar,
  LocalDate,
  Money,
  MutationPayload,
  PageArgs,
  pick,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import type Decimal from 'decimal.js';
import {
  BeneficiaryEntityReference,
  BrandReference,
  DelayRequest,
  Delivery,
  DeliveryLine,
  Invoice,
  Order,
  OrderLine,
  ORDER_STATUS_LABELS,
  OrderStatus,
  Proposal,
  RequestReference,
  SubscriptionOrder,
} from '../entities';
import { listDeliveries, listOrders, listSubscriptionOrders, renewalCandidates } from '../services/orders';
import {
  answerDelay,
  cancelOrder,
  declareServicesOpen,
  recordDelivery,
  reportActivationProblem,
  requestDelay,
  validateActivation,
  validateOrder,
} from '../services/fulfilment';
import { OrderAction } from '../services/order-lifecycle';
import { totalsOf } from '../services/pricing';
import type { Context } from '../loaders';
import { lineAmounts, LineAmounts, quoteTotals, QuoteTotals } from './pricing.types';
import { orderActionsOf } from '../services/access';

const OrderConnection = Connection(Order, 'Order', 'order');
const SubscriptionOrderConnection = Connection(SubscriptionOrder, 'SubscriptionOrder', 'subscription order');
const DeliveryConnection = Connection(Delivery, 'Delivery', 'delivery note');
const OrderPayload = MutationPayload(Order, 'OrderPayload', 'order', 'order');
const DelayRequestPayload = MutationPayload(DelayRequest, 'DelayRequestPayload', 'delayRequest', 'delay request');

@InputType({ description: 'Narrows the list of orders ("Commandes").' })
class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Only these statuses (e.g. TO_DELIVER, "A livrer").' })
  statuses?: OrderStatus[];

  @Field(() => String, {
    nullable: true,
    description: "Our number (CC…), UGAP's reference, the proposal (DC…) or the file number.",
  })
  reference?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Placed on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Placed on or before this day.' })
  to?: string;
}

@InputType({ description: "UGAP's validation of an order." })
class ValidateOrderInput {
  @Field(() => String, { description: "UGAP's own reference." })
  ugapReference!: string;

  @Field(() => String, { description: 'The Chorus purchase request number.' })
  chorusNumber!: string;

  @Field(() => LocalDate, { description: 'Planned delivery date.' })
  plannedDeliveryDate!: string;
}

@InputType({ description: 'What a delivery note delivers of one order line.' })
class DeliveredLineInput {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => DecimalScalar, { description: 'Quantity delivered now.' })
  quantity!: Decimal;
}

@InputType({ description: 'Narrows the renewal candidates ("Rechercher une commande").' })
class RenewalFilter {
  @Field(() => LocalDate, { nullable: true, description: 'Due on or after this day.' })
  dueFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Due on or before this day.' })
  dueTo?: string;

  @Field(() => String, { nullable: true, description: 'SIRET of the final customer.' })
  siret?: string;

  @Field(() => String, { nullable: true, description: 'An order, UGAP, proposal or file number.' })
  documentNumber?: string;

  @Field(() => ID, { nullable: true, description: 'The brand.' })
  brandId?: string;

  @Field(() => String, { nullable: true, description: "Words of the product's reference or designation." })
  product?: string;
}

@ObjectType({ description: 'The renewal candidates of one project.' })
class RenewalProject {
  @Field(() => String, { description: 'The project.' })
  projectName!: string;

  @Field(() => [OrderLine], { description: 'Its lines, by due date.' })
  lines!: OrderLine[];
}

@ObjectType({ description: '"Choix de la commande": order lines a renewal could extend, grouped by project.' })
class RenewalCandidates {
  @Field(() => Int, { description: 'How many lines.' })
  count!: number;

  @Field(() => Money, { description: 'The total potential amount excl. VAT of renewing them all.' })
  totalPotential!: Money;

  @Field(() => [RenewalProject], { description: 'By project.' })
  projects!: RenewalProject[];
}

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

  @Query(() => SubscriptionOrderConnection, { description: '"Bons de souscription" the caller may see, newest first.' })
  subscriptionOrders(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    return listSubscriptionOrders(context.em, caller, page);
  }

  @Query(() => DeliveryConnection, { description: '"Bons de livraison" the caller may see, newest first.' })
  deliveries(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    return listDeliveries(context.em, caller, page);
  }

  @Query(() => RenewalCandidates, {
    description:
      '"Choix de la commande": running subscription lines a renewal could extend, by due date, grouped by project.',
  })
  async renewalCandidates(
    @Arg('filter', () => RenewalFilter, { nullable: true, description: 'Criteria that must all hold.' }) filter:
      | RenewalFilter
      | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ): Promise<RenewalCandidates> {
    const lines = await renewalCandidates(context.em, caller, { ...filter });
    const projects = new Map<string, OrderLine[]>();
    for (const line of lines) {
      const name = line.order.projectName ?? '—';
      projects.set(name, [...(projects.get(name) ?? []), line]);
    }
    return {
      count: lines.length,
      totalPotential: Money.of(totalsOf(lines).totalExclVat, context.locale),
      projects: [...projects].map(([projectName, projectLines]) => ({ projectName, lines: projectLines })),
    };
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

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => LineAmounts, { description: 'Quantity, unit prices and line totals.' })
  amounts(@Root() line: OrderLine, @Ctx() { locale }: Context) {
    return lineAmounts(line, locale);
  }

  @FieldResolver(() => DecimalScalar, { description: '"Qté livrée": quantity delivered so far.' })
  quantityDelivered(@Root() line: OrderLine) {
    return line.quantityDelivered;
  }

  @FieldResolver(() => Order, { description: 'The order it belongs to.' })
  order(@Root() line: OrderLine, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(line.order.id);
  }
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @FieldResolver(() => Boolean, { description: 'Whether it is issued (its issue date has come) or still to come.' })
  issued(@Root() invoice: Invoice) {
    return invoice.issueDate <= new Date().toISOString().slice(0, 10);
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

@Resolver(() => SubscriptionOrder)
export class SubscriptionOrderResolver {
  @FieldResolver(() => Proposal, { description: 'The accepted proposal.' })
  proposal(@Root() subscription: SubscriptionOrder, @Ctx() { loaders }: Context) {
    return loaders.proposalById.load(subscription.proposal.id);
  }

  @FieldResolver(() => Order, { description: 'The order it created.' })
  order(@Root() subscription: SubscriptionOrder, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(subscription.orderId);
  }

  @FieldResolver(() => Date, { description: 'When the buyer subscribed.' })
  subscribedAt(@Root() subscription: SubscriptionOrder) {
    return subscription.createdAt;
  }
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @FieldResolver(() => Order, { description: 'The order delivered.' })
  order(@Root() delivery: Delivery, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(delivery.order.id);
  }

  @FieldResolver(() => [DeliveryLine], { description: 'What it delivers, line by line.' })
  lines(@Root() delivery: Delivery, @Ctx() { loaders }: Context) {
    return loaders.linesByDelivery.load(delivery.id);
  }
}

@Resolver(() => DeliveryLine)
export class DeliveryLineResolver {
  @FieldResolver(() => DecimalScalar, { description: 'Quantity delivered.' })
  quantity(@Root() line: DeliveryLine) {
    return line.quantity;
  }

  @FieldResolver(() => ID, { description: 'The order line delivered.' })
  orderLineId(@Root() line: DeliveryLine) {
    return line.orderLine.id;
  }
}
