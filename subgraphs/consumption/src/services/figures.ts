import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { sql, Dec, toCents, todayInParis, type Identity } from '@nuage/platform';
import type Decimal from 'decimal.js';
import type { Commitment } from '../entities/index.js';
import type { ConsumptionLoaders } from '../loaders.js';
import { mayReadCommitment } from './access.js';

/** The forecast window: the pace is the consumption of the last 30 days. */
export const RUN_RATE_DAYS = 30;
/** No forecast before a week of history: one day's spike extrapolated over years proposes absurd renewals. */
export const MIN_HISTORY_DAYS = 7;

/** How far the forecast may be trusted, from the days of history it rests on. */
export enum ForecastConfidence {
  /** Under 7 days of history, or nothing consumed: no forecast is given. */
  NONE = 'NONE',
  /** 7 to 29 days. */
  LOW = 'LOW',
  /** 30 to 89 days. */
  MEDIUM = 'MEDIUM',
  /** 90 days or more. */
  HIGH = 'HIGH',
}

export const FORECAST_METHOD = {
  fr:
    "Rythme constaté : le coût effectif des 30 derniers jours (ou depuis le début, s'il est plus récent) divisé par ce nombre de jours ; l'engagement s'épuise quand ce qui reste est consommé à ce rythme. " +
    "Aucune prévision avant 7 jours d'historique ou sans consommation. Le renouvellement proposé est ce qu'il faudrait pour atteindre l'échéance à ce rythme, plafonné au montant engagé. " +
    'Confiance : faible de 7 à 29 jours d’historique, moyenne de 30 à 89, élevée à partir de 90.',
  en:
    'Run rate: the effective cost of the last 30 days (or since the start, if shorter) divided by that number of days; the commitment runs out when what remains is used up at that pace. ' +
    'No forecast before 7 days of history or without consumption. The proposed renewal is what reaching the due date at that pace would take, capped at the committed amount. ' +
    'Confidence: low with 7 to 29 days of history, medium with 30 to 89, high from 90.',
};

export interface Figures {
  committed: Decimal;
  /** Credit notes on the lines, excl. VAT. */
  credited: Decimal;
  consumed: Decimal;
  /** Consumption of the last RUN_RATE_DAYS days and the days it covers. */
  recent: Decimal;
  recentDays: number;
  monthly: Map<string, Decimal>;
  /** The latest due date and the earliest start of the lines added up. */
  dueDate: string;
  startDate: string;
}

const DAY = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const confidenceOf = (historyDays: number) =>
  historyDays < MIN_HISTORY_DAYS
    ? ForecastConfidence.NONE
    : historyDays < 30
      ? ForecastConfidence.LOW
      : historyDays < 90
        ? ForecastConfidence.MEDIUM
        : ForecastConfidence.HIGH;

/**
 * What the figures say: percentage used, daily pace, and, once there is enough history, when it
 * runs out and what renewing would take (never more than the commitment again).
 */
export function outlook(figures: Figures, today = todayInParis()) {
  const percentUsed = figures.committed.isZero()
    ? new Dec(0)
    : figures.consumed.times(100).dividedBy(figures.committed).toDecimalPlaces(2);
  const dailyRunRate = figures.recentDays > 0 ? figures.recent.dividedBy(figures.recentDays) : new Dec(0);
  const remaining = figures.committed.minus(figures.consumed);
  // Days of history, today included.
  const historyDays = Math.max(0, days(figures.startDate, today) + 1);
  const confidence = figures.consumed.gt(0) ? confidenceOf(historyDays) : ForecastConfidence.NONE;
  const base = {
    percentUsed,
    dailyRunRate: toCents(dailyRunRate),
    remaining: toCents(Dec.max(remaining, 0)),
    historyDays,
    confidence,
  };
  // A commitment used up has run out, whatever the history.
  if (remaining.lte(0))
    return {
      ...base,
      forecastExhaustionDate: today as string | null,
      runsOutBeforeDue: today < figures.dueDate,
      proposedRenewal: confidence === ForecastConfidence.NONE ? null : toCents(figures.committed),
    };
  if (confidence === ForecastConfidence.NONE)
    return { ...base, forecastExhaustionDate: null, runsOutBeforeDue: false, proposedRenewal: null };
  const exhaustion = dailyRunRate.gt(0) ? addDays(today, remaining.dividedBy(dailyRunRate).ceil().toNumber()) : null;
  const daysToDue = Math.max(0, days(today, figures.dueDate));
  // What the line will have used by its due date at this pace, beyond what is committed; at most the commitment again.
  const projected = figures.consumed.plus(dailyRunRate.times(daysToDue));
  const renewal = Dec.min(Dec.max(projected.minus(figures.committed), 0), figures.committed);
  return {
    ...base,
    forecastExhaustionDate: exhaustion,
    runsOutBeforeDue: exhaustion !== null && exhaustion < figures.dueDate,
    proposedRenewal: toCents(renewal),
  };
}

/** Adds up the figures of several lines (an order, a request, a project, an entity). */
export function sum(all: Figures[]): Figures | null {
  if (all.length === 0) return null;
  const monthly = new Map<string, Decimal>();
  for (const f of all)
    for (const [month, amount] of f.monthly) monthly.set(month, (monthly.get(month) ?? new Dec(0)).plus(amount));
  return {
    committed: all.reduce((s, f) => s.plus(f.committed), new Dec(0)),
    credited: all.reduce((s, f) => s.plus(f.credited), new Dec(0)),
    consumed: all.reduce((s, f) => s.plus(f.consumed), new Dec(0)),
    recent: all.reduce((s, f) => s.plus(f.recent), new Dec(0)),
    recentDays: Math.max(...all.map((f) => f.recentDays)),
    monthly,
    dueDate: all
      .map((f) => f.dueDate)
      .sort()
      .at(-1)!,
    startDate: all.map((f) => f.startDate).sort()[0]!,
  };
}

/**
 * The figures of many commitments (one per order line) in two statements (monthly totals, the last
 * 30 days), whatever their number: for lists such as the renewal candidates. The commitments are
 * those the caller already read, so they are not read again.
 */
export function figuresLoader(em: EntityManager) {
  return new DataLoader<Commitment, Figures, string>(
    async (commitments) => {
      const today = todayInParis();
      const since = addDays(today, -(RUN_RATE_DAYS - 1)); // the last 30 days, today included
      const ids = commitments.map((c) => c.orderLineId);
      const [months, recent] = await Promise.all([
        sql<{ order_line_id: string; month: string; amount: string }[]>(
          em,
          `select order_line_id, to_char(month, 'YYYY-MM') as month, sum(effective_cost) as amount from usage_month where order_line_id in (?) group by 1, 2`,
          [ids],
        ),
        sql<{ order_line_id: string; amount: string }[]>(
          em,
          `select order_line_id, sum(effective_cost) as amount from usage_line where order_line_id in (?) and charge_period_start >= ? group by 1`,
          [ids, `${since}T00:00:00+01:00`],
        ),
      ]);
      // Each line's rows found by key, not by scanning every line's rows for each (200 lines of a
      // three-year batch have 7,200 monthly rows).
      const monthsByLine = Map.groupBy(months, (m) => m.order_line_id);
      const recentByLine = new Map(recent.map((r) => [r.order_line_id, r.amount]));
      return commitments.map((commitment) => {
        const id = commitment.orderLineId;
        const monthly = new Map((monthsByLine.get(id) ?? []).map((m) => [m.month, new Dec(m.amount)]));
        return {
          committed: new Dec(commitment.committedAmount),
          credited: new Dec(commitment.credited),
          consumed: [...monthly.values()].reduce((s, a) => s.plus(a), new Dec(0)),
          recent: new Dec(recentByLine.get(id) ?? 0),
          recentDays: Math.max(1, Math.min(RUN_RATE_DAYS, days(commitment.startDate, today))),
          monthly,
          dueDate: commitment.dueDate,
          startDate: commitment.startDate,
        };
      });
    },
    { cacheKeyFn: (commitment) => commitment.orderLineId },
  );
}

/** The summed figures of those commitments the caller may read; null when none has figures. */
export async function readableFigures(
  loaders: Pick<ConsumptionLoaders, 'figures'>,
  caller: Identity,
  commitments: Commitment[],
): Promise<Figures | null> {
  const readable = commitments.filter((c) => mayReadCommitment(caller, c));
  const all = await loaders.figures.loadMany(readable);
  for (const figures of all) if (figures instanceof Error) throw figures;
  return sum(all as Figures[]);
}
