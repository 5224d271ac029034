import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import {
  Caller,
  Connection,
  DecimalScalar,
  type Identity,
  LocalDate,
  Money,
  MutationPayload,
  PageArgs,
  succeeded,
} from '@nuage/platform';
import type Decimal from 'decimal.js';
import { type ConsumptionAlert, OrderLineReference, RequestReference } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { listAlerts, requestRenewal } from '../services/alerts.js';

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

const AlertConnection = Connection(ConsumptionAlertView, 'ConsumptionAlert', 'consumption alert');
const RenewalDraftPayload = MutationPayload(
  RequestReference,
  'RenewalDraftPayload',
  'request',
  'renewal request draft',
);

const alertView = (alert: ConsumptionAlert, { locale }: Context): ConsumptionAlertView => ({
  id: alert.id,
  kind: alert.kind as AlertKind,
  threshold: alert.kind === 'THRESHOLD' ? alert.threshold : null,
  percentUsed: alert.percentUsed,
  proposedRenewal: alert.proposedRenewal === null ? null : Money.of(alert.proposedRenewal, locale),
  forecastExhaustion: alert.forecastExhaustion,
  orderLine: OrderLineReference.of(alert.orderLineId),
  raisedAt: alert.createdAt,
  renewalRequestedAt: alert.renewalRequestedAt,
});

@Resolver()
export class ConsumptionAlertResolver {
  @Query(() => AlertConnection, { description: "The consumption alerts of the caller's entity, latest first." })
  async consumptionAlerts(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    const connection = await listAlerts(context.em, caller, page);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: alertView(edge.node, context) })),
    };
  }

  @Mutation(() => RenewalDraftPayload, {
    description:
      'From an alert, asks to renew: you state the amount (credits) and a renewal request draft is started in "Demandes", soliciting the brand of the order; once per alert.',
  })
  async requestRenewalFromAlert(
    @Arg('alertId', () => ID, { description: 'The alert.' }) alertId: string,
    @Arg('amount', () => DecimalScalar, { description: 'The amount excl. VAT to renew, converted into credits.' })
    amount: Decimal,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return succeeded(RequestReference.of(await requestRenewal(context.em, caller, alertId, amount)));
  }
}
