import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type Decimal from 'decimal.js';
import {
  sql,
  conflict,
  Dec,
  invalid,
  notFound,
  paginate,
  publish,
  type Identity,
  type PageArgs,
} from '@nuage/platform';
import { TOPICS, type AlertRaised, type RenewalRequested } from '@nuage/contracts';
import { AlertSettings, Commitment, ConsumptionAlert } from '../entities/index.js';
import { DEFAULT_THRESHOLDS } from './alert-thresholds.js';
import { figuresLoader, outlook } from './figures.js';
import { alertsFor, assertMay } from './access.js';

/**
 * Raises the alerts the new usage calls for: each threshold of the entity (80 % and 100 % by
 * default) once per order line, and once a forecast that runs out before the due date. The buyers
 * are told by event (the requests subgraph knows them and emails them).
 */
export async function raiseAlerts(em: EntityManager, orderLineIds: string[]): Promise<number> {
  if (orderLineIds.length === 0) return 0;
  const figures = figuresLoader(em);
  // In the order of their keys, as the usage they follow: concurrent batches take the alerts' locks alike.
  const commitments = await em.find(
    Commitment,
    { orderLineId: { $in: orderLineIds } },
    { orderBy: { orderLineId: 'asc' } },
  );
  const settings = new Map(
    (await em.find(AlertSettings, { entityId: { $in: [...new Set(commitments.map((c) => c.entityId))] } })).map((s) => [
      s.entityId,
      s.thresholds,
    ]),
  );
  // The figures of every line at once: one batch, not one per line.
  const allFigures = await figures.loadMany(commitments);
  let raised = 0;
  for (const [index, commitment] of commitments.entries()) {
    const lineFigures = allFigures[index]!;
    if (lineFigures instanceof Error) throw lineFigures;
    const view = outlook(lineFigures);
    const due = [
      ...(settings.get(commitment.entityId) ?? DEFAULT_THRESHOLDS)
        .filter((t) => view.percentUsed.gte(t))
        .map((t) => ({ kind: 'THRESHOLD' as const, threshold: t })),
      ...(view.runsOutBeforeDue ? [{ kind: 'FORECAST' as const, threshold: 0 }] : []),
    ];
    for (const alert of due) {
      const id = randomUUID();
      const inserted = await sql<{ id: string }[]>(
        em,
        `insert into consumption_alert (id, order_line_id, entity_id, kind, threshold, percent_used, proposed_renewal, forecast_exhaustion)
         values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (order_line_id, kind, threshold) do nothing returning id`,
        [
          id,
          commitment.orderLineId,
          commitment.entityId,
          alert.kind,
          alert.threshold,
          view.percentUsed.toFixed(2),
          view.proposedRenewal?.toFixed(2) ?? null,
          view.forecastExhaustionDate,
        ],
      );
      if (inserted.length === 0) continue; // raised before: once per threshold
      raised += 1;
      publish(em, TOPICS.alertRaised, {
        alertId: id,
        entityId: commitment.entityId,
        orderId: commitment.orderId,
        requestId: commitment.requestId,
        orderReference: commitment.orderReference,
        designation: commitment.designation,
        kind: alert.kind,
        threshold: alert.kind === 'THRESHOLD' ? alert.threshold : null,
        percentUsed: view.percentUsed.toFixed(2),
        proposedRenewal: view.proposedRenewal?.toFixed(2) ?? null,
      } satisfies AlertRaised);
    }
  }
  await em.flush();
  return raised;
}

/** The alerts of the caller's entity (market-wide staff: all), latest first. */
export function listAlerts(em: EntityManager, caller: Identity, page: PageArgs) {
  return paginate(em, ConsumptionAlert, alertsFor(em, caller).where(), [{ createdAt: 'desc' }, { id: 'desc' }], page);
}

/**
 * From an alert, the buyer states an amount of credits to renew: the requests subgraph starts a
 * renewal draft (its id chosen here, so the caller gets it at once). The alert is locked, so that
 * concurrent calls give one draft.
 */
export async function requestRenewal(
  em: EntityManager,
  caller: Identity,
  alertId: string,
  amount: Decimal,
): Promise<string> {
  assertMay(caller, 'renewal:request');
  return em.transactional(async (tx) => {
    // The entity's own alerts only, even for market-wide staff: a renewal is the buyer's.
    const alert = await tx.findOne(
      ConsumptionAlert,
      { id: alertId, entityId: caller.entityId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!alert) throw notFound({ fr: "L'alerte", en: 'The alert' }, 'alertId');
    if (alert.renewalRequestedAt)
      throw conflict(
        {
          fr: 'Un renouvellement a déjà été demandé depuis cette alerte.',
          en: 'A renewal was already asked from this alert.',
        },
        'alertId',
      );
    if (amount.lte(0) || amount.decimalPlaces() > 2)
      throw invalid('amount', {
        fr: 'Un montant positif, en euros et centimes.',
        en: 'A positive amount in euros and cents.',
      });
    const commitment = await tx.findOneOrFail(Commitment, { orderLineId: alert.orderLineId });
    alert.renewalRequestedAt = new Date();
    const draftId = randomUUID();
    publish(tx, TOPICS.renewalRequested, {
      alertId,
      draftId,
      requestId: commitment.requestId,
      orderId: commitment.orderId,
      orderLineId: commitment.orderLineId,
      brandId: commitment.brandId,
      entityId: commitment.entityId,
      designation: commitment.designation,
      amount: new Dec(amount).toFixed(2),
      requestedById: caller.userId,
      requestedByName: caller.name,
    } satisfies RenewalRequested);
    return draftId;
  });
}
