import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncidentClosed, IncidentOpened } from '@nuage/contracts';
import { OrderIncident } from '../entities/index.js';
import { releaseInvoicesOf, suspendInvoicesOf } from './billing.js';

/** An order is disputed while an incident on it is open, as the incidents subgraph announces; its invoices are suspended meanwhile. */
export async function noteIncidentOpened(em: EntityManager, payload: IncidentOpened): Promise<void> {
  const known = await em.findOne(OrderIncident, { incidentId: payload.incidentId });
  if (known) {
    known.number = payload.number;
    return;
  }
  em.persist(
    em.create(OrderIncident, {
      incidentId: payload.incidentId,
      orderId: payload.orderId,
      open: true,
      number: payload.number,
    }),
  );
  await em.flush();
  // Its order's issued invoices wait for it.
  await suspendInvoicesOf(em, payload.orderId);
}

/** A closed incident no longer disputes its order (its invoices are released with the last one); a close that arrives first is kept, and never reopens it. */
export async function noteIncidentClosed(em: EntityManager, payload: IncidentClosed): Promise<void> {
  const known = await em.findOne(OrderIncident, { incidentId: payload.incidentId });
  if (known) known.open = false;
  else em.persist(em.create(OrderIncident, { incidentId: payload.incidentId, orderId: payload.orderId, open: false }));
  await em.flush();
  await releaseInvoicesOf(em, payload.orderId);
}
