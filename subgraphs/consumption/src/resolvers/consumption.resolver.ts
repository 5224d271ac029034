import {
  Arg,
  Args,
  Authorized,
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
  registerEnumType,
} from 'type-graphql';
import {
  sql,
  callerOf,
  Connection,
  DecimalScalar,
  forbidden,
  isMarketWide,
  JSONObject,
  LocalDate,
  Money,
  MutationPayload,
  PageArgs,
  succeeded,
  type Identity,
} from '@nuage/platform';
import { Role } from '@nuage/contracts';
import type Decimal from 'decimal.js';
import {
  type Commitment,
  type ConsumptionAlert,
  OrderLineReference,
  OrderReference,
  RequestReference,
} from '../entities';
import { ingestUsage, usageFromFocusCsv, type UsageInput } from '../services/usage';
import { raiseAlerts, listAlerts, requestRenewal } from '../services/alerts';
import { sum } from '../services/figures';
import type { Context } from '../loaders';
import { consumptionFigures, ConsumptionFigures, SpendRow } from './consumption.types';

@InputType({ description: 'One usage line, in the FinOps FOCUS vocabulary.' })
class UsageLineInput {
  @Field(() => String, {
    description: 'Your id of the line (FOCUS extension x_LineId): a line sent twice is kept once.',
  })
  lineId!: string;

  @Field(() => ID, { description: 'The order line consumed (x_OrderLineId).' })
  orderLineId!: string;

  @Field(() => Date, { description: 'ChargePeriodStart.' })
  chargePeriodStart!: Date;

  @Field(() => Date, { description: 'ChargePeriodEnd.' })
  chargePeriodEnd!: Date;

  @Field(() => String, { description: 'ServiceName.' })
  serviceName!: string;

  @Field(() => String, { description: 'ServiceCategory, e.g. "Compute".' })
  serviceCategory!: string;

  @Field(() => String, { nullable: true, description: 'ResourceId.' })
  resourceId?: string;

  @Field(() => String, { nullable: true, description: 'SkuId.' })
  skuId?: string;

  @Field(() => DecimalScalar, { description: 'ConsumedQuantity.' })
  consumedQuantity!: Decimal;

  @Field(() => String, { description: 'ConsumedUnit, e.g. "Hours".' })
  consumedUnit!: string;

  @Field(() => DecimalScalar, { description: 'BilledCost.' })
  billedCost!: Decimal;

  @Field(() => DecimalScalar, { description: 'EffectiveCost.' })
  effectiveCost!: Decimal;

  @Field(() => String, { description: 'BillingCurrency: EUR.' })
  currency!: string;

  @Field(() => JSONObject, { nullable: true, description: 'Tags.' })
  tags?: Record<string, string>;
}

@ObjectType({ description: 'A usage line refused, with why.' })
class RejectedUsageLine {
  @Field(() => Int, { description: 'Its position in the batch (0 first).' })
  index!: number;

  @Field(() => String, { description: 'Your id of the line.' })
  lineId!: string;

  @Field(() => String, { description: 'The field at fault.' })
  field!: string;

  @Field(() => String, { description: "Why, in the caller's language." })
  reason!: string;
}

@ObjectType({ description: 'What became of a batch of usage lines.' })
class UsageReport {
  @Field(() => Int, { description: 'Lines recorded.' })
  accepted!: number;

  @Field(() => Int, { description: 'Lines already recorded before (same id): nothing added.' })
  duplicates!: number;

  @Field(() => [RejectedUsageLine], { description: 'Lines refused, each with the reason; the others were recorded.' })
  rejected!: RejectedUsageLine[];

  @Field(() => Int, { description: 'Alerts this batch raised.' })
  alertsRaised!: number;
}

/** Why an alert was raised. */
enum AlertKind {
  THRESHOLD = 'THRESHOLD',
  FORECAST = 'FORECAST',
}
registerEnumType(AlertKind, {
  name: 'ConsumptionAlertKind',
  description: 'Why a consumption alert was raised.',
  valuesConfig: {
    THRESHOLD: { description: "A percentage of the commitment was crossed (seuil d'alerte atteint)." },
    FORECAST: {
      description: "At the current pace, the commitment runs out before its due date (épuisement avant l'échéance).",
    },
  },
});

const UsagePayload = MutationPayload(UsageReport, 'UsagePayload', 'report', 'batch of usage lines');
const RenewalDraftPayload = MutationPayload(
  RequestReference,
  'RenewalDraftPayload',
  'request',
  'renewal request draft',
);

@ObjectType({ description: 'A consumption alert of the entity ("alerte de surconsommation").' })
class ConsumptionAlertView {
  @Field(() => ID, { description: 'Its id.' })
  id!: string;

  @Field(() => AlertKind, { description: 'A threshold crossed, or a forecast that runs out before the due date.' })
  kind!: AlertKind;

  @Field(() => Int, { nullable: true, description: 'The percentage crossed.' })
  threshold!: number | null;

  @Field(() => DecimalScalar, { description: 'Percentage used when raised.' })
  percentUsed!: string;

  @Field(() => Money, {
    nullable: true,
    description: 'The amount proposed to renew; null when raised before a forecast could be made.',
  })
  proposedRenewal!: Money | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it ran out or will, at the pace then.' })
  forecastExhaustion!: string | null;

  @Field(() => OrderLineReference, { description: 'The order line.' })
  orderLine!: OrderLineReference;

  @Field(() => Date, { description: 'When it was raised.' })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a renewal was asked from it.' })
  renewalRequestedAt!: Date | null;
}

enum SpendDimension {
  BRAND = 'BRAND',
  ENTITY = 'ENTITY',
  SERVICE_CATEGORY = 'SERVICE_CATEGORY',
}
registerEnumType(SpendDimension, {
  name: 'SpendDimension',
  description: 'How analysts group spend.',
  valuesConfig: {
    BRAND: { description: 'By brand (id).' },
    ENTITY: { description: 'By beneficiary entity (id).' },
    SERVICE_CATEGORY: { description: 'By FOCUS service category.' },
  },
});

const AlertConnection = Connection(ConsumptionAlertView, 'ConsumptionAlert', 'consumption alert');

const usageInput = (line: UsageLineInput): UsageInput => ({
  ...line,
  chargePeriodStart: line.chargePeriodStart.toISOString(),
  chargePeriodEnd: line.chargePeriodEnd.toISOString(),
  consumedQuantity: line.consumedQuantity.toFixed(),
  billedCost: line.billedCost.toFixed(),
  effectiveCost: line.effectiveCost.toFixed(),
});

/** Whether the caller may see a commitment's figures: its entity, its brand, market-wide staff. */
const mayRead = (caller: Identity, commitment: Commitment) =>
  isMarketWide(caller) || caller.entityId === commitment.entityId || caller.brandId === commitment.brandId;

async function figuresOf(context: Context, commitments: Commitment[]): Promise<ConsumptionFigures | null> {
  const caller = callerOf(context);
  const readable = commitments.filter((c) => mayRead(caller, c));
  const all = (await context.loaders.figures.loadMany(readable.map((c) => c.orderLineId))).filter(
    (f) => f && !(f instanceof Error),
  );
  const total = sum(all as never);
  return total ? consumptionFigures(total, context.locale) : null;
}

@Resolver()
export class UsageResolver {
  @Authorized(Role.SUPPLIER)
  @Mutation(() => UsagePayload, {
    description:
      'Pushes usage lines of your order lines (up to 10,000 per call); safe to retry: lines already recorded are skipped.',
  })
  pushUsage(
    @Arg('lines', () => [UsageLineInput], { description: 'The lines.' }) lines: UsageLineInput[],
    @Ctx() context: Context,
  ) {
    return this.ingest(context, lines.map(usageInput));
  }

  @Authorized(Role.SUPPLIER)
  @Mutation(() => UsagePayload, {
    description: 'Imports a FOCUS CSV export (FOCUS column names, plus x_LineId and x_OrderLineId).',
  })
  importUsageCsv(
    @Arg('csv', () => String, { description: 'The CSV text, header first.' }) csv: string,
    @Ctx() context: Context,
  ) {
    return this.ingest(context, usageFromFocusCsv(csv));
  }

  private async ingest(context: Context, lines: UsageInput[]) {
    const report = await context.em.transactional(async (tx): Promise<UsageReport> => {
      const result = await ingestUsage(tx, callerOf(context), lines);
      const alertsRaised = await raiseAlerts(tx, result.orderLineIds);
      const rejected = result.rejected.map((rejection) => ({ ...rejection, reason: rejection.reason[context.locale] }));
      return { accepted: result.accepted, duplicates: result.duplicates, rejected, alertsRaised };
    });
    return succeeded(report);
  }

  @Authorized()
  @Query(() => AlertConnection, { description: "The consumption alerts of the caller's entity, latest first." })
  async consumptionAlerts(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context) {
    const connection = await listAlerts(context.em, callerOf(context), page);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: this.alertView(edge.node, context) })),
    };
  }

  private alertView(alert: ConsumptionAlert, context: Context): ConsumptionAlertView {
    return {
      id: alert.id,
      kind: alert.kind as AlertKind,
      threshold: alert.kind === 'THRESHOLD' ? alert.threshold : null,
      percentUsed: alert.percentUsed,
      proposedRenewal: alert.proposedRenewal === null ? null : Money.of(alert.proposedRenewal, context.locale),
      forecastExhaustion: alert.forecastExhaustion,
      orderLine: OrderLineReference.of(alert.orderLineId),
      raisedAt: alert.createdAt,
      renewalRequestedAt: alert.renewalRequestedAt,
    };
  }

  @Authorized(Role.BENEFICIARY, Role.MANAGER)
  @Mutation(() => RenewalDraftPayload, {
    description:
      'From an alert, asks to renew: you state the amount (credits) and a renewal request draft is started in "Demandes", soliciting the brand of the order; once per alert.',
  })
  requestRenewalFromAlert(
    @Arg('alertId', () => ID, { description: 'The alert.' }) alertId: string,
    @Arg('amount', () => DecimalScalar, { description: 'The amount excl. VAT to renew, converted into credits.' })
    amount: Decimal,
    @Ctx() context: Context,
  ) {
    return requestRenewal(context.em, callerOf(context), alertId, amount).then((draftId) =>
      succeeded(RequestReference.of(draftId)),
    );
  }

  @Authorized(Role.MARKET_HOLDER, Role.UGAP, Role.ANALYST)
  @Query(() => [SpendRow], {
    nullable: true,
    description:
      'Spend by brand, entity or service category and month over the whole market, from the monthly totals (market holder, UGAP and analysts; null with FORBIDDEN for others).',
  })
  async spendByMonth(
    @Arg('dimension', () => SpendDimension, { description: 'How to group.' }) dimension: SpendDimension,
    @Arg('from', () => LocalDate, { nullable: true, description: 'First month (its first day).' }) from:
      | string
      | undefined,
    @Arg('to', () => LocalDate, { nullable: true, description: 'Last month (any day of it).' }) to: string | undefined,
    @Ctx() context: Context,
  ): Promise<SpendRow[]> {
    if (!isMarketWide(callerOf(context)))
      throw forbidden({
        fr: "Les chiffres de tout le marché sont réservés au titulaire, à l'UGAP et aux analystes.",
        en: 'Market-wide figures are for the market holder, UGAP and analysts.',
      });
    const column = { BRAND: 'brand_id', ENTITY: 'entity_id', SERVICE_CATEGORY: 'service_category' }[dimension];
    const rows = await sql<{ key: string; month: string; effective: string; billed: string; lines: string }[]>(
      context.em,
      `select ${column}::text as key, to_char(month, 'YYYY-MM') as month, sum(effective_cost) as effective, sum(billed_cost) as billed, sum(lines) as lines
         from usage_month where month >= ?::date and month <= ?::date group by 1, 2 order by 2, 1`,
      [from ?? '1900-01-01', to ?? '2999-12-31'],
    );
    return rows.map((r) => ({
      key: r.key,
      month: r.month,
      effectiveCost: Money.of(r.effective, context.locale),
      billedCost: Money.of(r.billed, context.locale),
      lines: Number(r.lines),
    }));
  }
}

/** Consumption added to other subgraphs' types. */
@Resolver(() => OrderLineReference)
export class OrderLineConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: 'Consumption of the line against its commitment ("Consommation"); null before activation.',
  })
  async consumption(@Root() line: OrderLineReference, @Ctx() context: Context) {
    return figuresOf(context, (await context.loaders.commitmentsByLine.load(line.id)) ?? []);
  }
}

@Resolver(() => OrderReference)
export class OrderConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: 'Consumption of the order against its commitments; null before activation.',
  })
  async consumption(@Root() order: OrderReference, @Ctx() context: Context) {
    return figuresOf(context, await context.loaders.commitmentsByOrder.load(order.id));
  }
}

@Resolver(() => RequestReference)
export class RequestConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: 'Consumption of the orders of the request ("Consommation" in "Demandes").',
  })
  async consumption(@Root() request: RequestReference, @Ctx() context: Context) {
    return figuresOf(context, await context.loaders.commitmentsByRequest.load(request.id));
  }
}

export { figuresOf };
