import { Field, Float, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDate, Money, type Locale } from '@nuage/shared';
import { FORECAST_METHOD, outlook, type Figures } from '../services/figures';

@ObjectType({ description: 'Consumption of one month.' })
export class MonthlyAmount {
  @Field(() => String, { description: 'The month, "2026-03".' })
  month!: string;

  @Field(() => Money, { description: 'Effective cost of the month (FOCUS EffectiveCost).' })
  amount!: Money;
}

@ObjectType({ description: 'Consumption against commitment, with its forecast ("Suivi de la consommation").' })
export class ConsumptionFigures {
  @Field(() => Money, { description: 'Committed amount excl. VAT.' })
  committed!: Money;

  @Field(() => Money, { description: 'Consumed to date (sum of effective costs).' })
  consumed!: Money;

  @Field(() => DecimalScalar, { description: 'Percentage of the commitment used, e.g. "82.50".' })
  percentUsed!: string;

  @Field(() => Money, { description: 'What remains of the commitment.' })
  remaining!: Money;

  @Field(() => [MonthlyAmount], { description: 'Month by month, oldest first.' })
  monthly!: MonthlyAmount[];

  @Field(() => Money, { description: 'Current pace: effective cost per day over the last 30 days.' })
  dailyRunRate!: Money;

  @Field(() => LocalDate, { nullable: true, description: 'When the commitment runs out at the current pace; null when nothing is consumed.' })
  forecastExhaustionDate!: string | null;

  @Field(() => LocalDate, { description: 'Due date of the commitment.' })
  dueDate!: string;

  @Field(() => Boolean, { description: 'Whether it runs out before its due date at the current pace.' })
  runsOutBeforeDue!: boolean;

  @Field(() => Money, { description: 'What renewing would take to reach the due date at the current pace.' })
  proposedRenewal!: Money;

  @Field(() => String, { description: 'How the forecast is made.' })
  method!: string;
}

/** The GraphQL view of figures, amounts in the caller's language. */
export function consumptionFigures(figures: Figures, locale: Locale): ConsumptionFigures {
  const view = outlook(figures);
  return {
    committed: Money.of(figures.committed, locale),
    consumed: Money.of(figures.consumed, locale),
    percentUsed: view.percentUsed.toFixed(2),
    remaining: Money.of(view.remaining, locale),
    monthly: [...figures.monthly].sort(([a], [b]) => a.localeCompare(b)).map(([month, amount]) => ({ month, amount: Money.of(amount, locale) })),
    dailyRunRate: Money.of(view.dailyRunRate, locale),
    forecastExhaustionDate: view.forecastExhaustionDate,
    dueDate: figures.dueDate,
    runsOutBeforeDue: view.runsOutBeforeDue,
    proposedRenewal: Money.of(view.proposedRenewal, locale),
    method: FORECAST_METHOD,
  };
}

@ObjectType({ description: 'Spend of one group in one month, for analysts.' })
export class SpendRow {
  @Field(() => String, { description: 'The group: a brand id, an entity id or a service category.' })
  key!: string;

  @Field(() => String, { description: 'The month, "2026-03".' })
  month!: string;

  @Field(() => Money, { description: 'Effective cost.' })
  effectiveCost!: Money;

  @Field(() => Money, { description: 'Billed cost.' })
  billedCost!: Money;

  @Field(() => Float, { description: 'How many usage lines (a count, not money).' })
  lines!: number;
}
