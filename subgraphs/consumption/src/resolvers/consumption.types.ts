import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, LocalDate, Money } from '@nuage/platform';
import type { Locale } from '@nuage/contracts';
import { FORECAST_METHOD, ForecastConfidence, MIN_HISTORY_DAYS, outlook, type Figures } from '../services/figures.js';

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

  @Field(() => Money, {
    description:
      'Credit notes ("avoirs") granted on these lines, excl. VAT: money given back, which does not change what was used.',
  })
  credited!: Money;

  @Field(() => Money, {
    description: 'What the consumption costs the buyer net of the credit notes: consumed less credited.',
  })
  netCost!: Money;

  @Field(() => DecimalScalar, { description: 'Percentage of the commitment used, e.g. "82.50".' })
  percentUsed!: string;

  @Field(() => Money, { description: 'What remains of the commitment.' })
  remaining!: Money;

  @Field(() => [MonthlyAmount], { description: 'Month by month, oldest first.' })
  monthly!: MonthlyAmount[];

  @Field(() => Money, { description: 'Current pace: effective cost per day over the last 30 days.' })
  dailyRunRate!: Money;

  @Field(() => Int, {
    description: 'Days of history the forecast rests on (since the commitment started, today included).',
  })
  historyDays!: number;

  @Field(() => ForecastConfidence, {
    description:
      'How far the forecast may be trusted; NONE when there is none yet (under 7 days of history, or nothing consumed).',
  })
  forecastConfidence!: ForecastConfidence;

  @Field(() => String, {
    description: "What the forecast rests on, or why there is none yet, in the caller's language.",
  })
  forecastNote!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'When the commitment runs out at the current pace; null when it does not or when there is no forecast yet.',
  })
  forecastExhaustionDate!: string | null;

  @Field(() => LocalDate, { description: 'Due date of the commitment.' })
  dueDate!: string;

  @Field(() => Boolean, { description: 'Whether it runs out before its due date at the current pace.' })
  runsOutBeforeDue!: boolean;

  @Field(() => Money, {
    nullable: true,
    description:
      'What renewing would take to reach the due date at the current pace, at most the committed amount; null when there is no forecast yet.',
  })
  proposedRenewal!: Money | null;

  @Field(() => String, { description: "How the forecast is made, in the caller's language." })
  method!: string;
}

registerEnumType(ForecastConfidence, {
  name: 'ForecastConfidence',
  description: 'How far a consumption forecast may be trusted, from the days of history it rests on.',
  valuesConfig: {
    NONE: { description: 'No forecast yet: under 7 days of history, or nothing consumed (aucune prévision).' },
    LOW: { description: '7 to 29 days of history (confiance faible).' },
    MEDIUM: { description: '30 to 89 days of history (confiance moyenne).' },
    HIGH: { description: '90 days of history or more (confiance élevée).' },
  },
});

const CONFIDENCE_LABELS: Record<ForecastConfidence, { fr: string; en: string }> = {
  NONE: { fr: 'aucune', en: 'none' },
  LOW: { fr: 'faible', en: 'low' },
  MEDIUM: { fr: 'moyenne', en: 'medium' },
  HIGH: { fr: 'élevée', en: 'high' },
};

function forecastNote(confidence: ForecastConfidence, historyDays: number) {
  if (confidence === ForecastConfidence.NONE) {
    return historyDays < MIN_HISTORY_DAYS
      ? {
          fr: `Pas encore de prévision : ${historyDays} jour(s) d'historique, il en faut ${MIN_HISTORY_DAYS}.`,
          en: `No forecast yet: ${historyDays} day(s) of history, ${MIN_HISTORY_DAYS} are needed.`,
        }
      : {
          fr: 'Pas encore de prévision : aucune consommation relevée.',
          en: 'No forecast yet: no consumption recorded.',
        };
  }
  const label = CONFIDENCE_LABELS[confidence];
  return {
    fr: `Prévision sur ${historyDays} jours d'historique, confiance ${label.fr}.`,
    en: `Forecast on ${historyDays} days of history, ${label.en} confidence.`,
  };
}

/** The GraphQL view of figures, amounts in the caller's language. */
export function consumptionFigures(figures: Figures, locale: Locale): ConsumptionFigures {
  const view = outlook(figures);
  return {
    committed: Money.of(figures.committed, locale),
    consumed: Money.of(figures.consumed, locale),
    credited: Money.of(figures.credited, locale),
    netCost: Money.of(figures.consumed.minus(figures.credited), locale),
    percentUsed: view.percentUsed.toFixed(2),
    remaining: Money.of(view.remaining, locale),
    monthly: [...figures.monthly]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, amount]) => ({ month, amount: Money.of(amount, locale) })),
    dailyRunRate: Money.of(view.dailyRunRate, locale),
    historyDays: view.historyDays,
    forecastConfidence: view.confidence,
    forecastNote: forecastNote(view.confidence, view.historyDays)[locale],
    forecastExhaustionDate: view.forecastExhaustionDate,
    dueDate: figures.dueDate,
    runsOutBeforeDue: view.runsOutBeforeDue,
    proposedRenewal: view.proposedRenewal ? Money.of(view.proposedRenewal, locale) : null,
    method: FORECAST_METHOD[locale],
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
