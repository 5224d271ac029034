import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncidentClosed, IncidentOpened } from '@nuage/contracts';
import { OrderIncident } from '../entities/index.js';

/** An order is disputed while an incident on it is open, as the incidents subgraph announces. */
export async function noteIncidentOpened(em: EntityManager, payload: IncidentOpened): Promise<void> {
  if (!(await em.findOne(OrderIncident, { incidentId: payload.incidentId })))
    em.persist(em.create(OrderIncident, { incidentId: payload.incidentId, orderId: payload.orderId, open: true }));
}

/** A closed incident no longer disputes its order; a close that arrives first is kept, and never reopens it. */
export async function noteIncidentClosed(em: EntityManager, payload: IncidentClosed): Promise<void> {
  const known = await em.findOne(OrderIncident, { incidentId: payload.incidentId });
  if (known) known.open = false;
  else em.persist(em.create(OrderIncident, { incidentId: payload.incidentId, orderId: payload.orderId, open: false }));
}
