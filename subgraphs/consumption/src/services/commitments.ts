import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreditNoteIssued, OrderActivated } from '@nuage/contracts';
import { Dec } from '@nuage/platform';
import { Commitment } from '../entities/index.js';

/** An activated order commits its lines: usage is measured against them from their start date. */
export async function commitOrder(em: EntityManager, payload: OrderActivated): Promise<void> {
  for (const line of payload.lines) {
    // Credits renewed on a line top up its commitment (the inbox applies each event once).
    const toppedUp = line.topsUpOrderLineId
      ? await em.findOne(Commitment, { orderLineId: line.topsUpOrderLineId })
      : null;
    if (toppedUp) {
      toppedUp.committedAmount = new Dec(toppedUp.committedAmount).plus(line.committedAmount).toFixed(2);
      continue;
    }
    const values = {
      orderId: payload.orderId,
      orderReference: payload.reference,
      requestId: payload.requestId,
      entityId: payload.entityId,
      brandId: payload.brandId,
      projectName: payload.projectName,
      designation: line.designation,
      committedAmount: line.committedAmount,
      startDate: payload.startDate,
      dueDate: payload.dueDate,
    };
    const known = await em.findOne(Commitment, { orderLineId: line.orderLineId });
    if (known) Object.assign(known, values);
    else em.persist(em.create(Commitment, { orderLineId: line.orderLineId, ...values }));
  }
}

/** A credit note on an order (ordering): each line's share is kept, so figures show it beside what was used. */
export async function creditLines(em: EntityManager, payload: CreditNoteIssued): Promise<void> {
  const commitments = await em.find(Commitment, { orderLineId: { $in: payload.lines.map((l) => l.orderLineId) } });
  for (const line of payload.lines) {
    const commitment = commitments.find((c) => c.orderLineId === line.orderLineId);
    // The inbox applies each event once: adding is safe.
    if (commitment) commitment.credited = new Dec(commitment.credited).plus(line.amountExclVat).toFixed(2);
  }
}
