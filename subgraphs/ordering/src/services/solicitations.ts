import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INCIDENT_TOPICS,
  TOPICS,
  type IncidentClosed,
  type IncidentOpened,
  type RequestCancelled,
  type RequestSubmitted,
  type SolicitationOpened,
} from '@nuage/contracts';
import {
  paginate,
  publish,
  type DeliveredEvent,
  type EventHandler,
  type Identity,
  type PageArgs,
} from '@nuage/platform';
import { OrderIncident, OrderLine, Solicitation } from '../entities';
import { assertMay } from './access';

/** What this subgraph learns from the requests subgraph. */
export const ORDERING_CONSUME: Record<string, EventHandler> = {
  // A submitted request opens one solicitation per brand, then tells the requests subgraph.
  [TOPICS.requestSubmitted]: async (em, { payload }: DeliveredEvent<RequestSubmitted>) => {
    // A renewal renews only lines of the entity's own orders: ordering owns orders and checks it
    // itself rather than trust the request (a line of another entity is not renewed).
    const renewable = payload.renewedOrderLineIds?.length
      ? (
          await em.find(OrderLine, { id: { $in: payload.renewedOrderLineIds }, order: { entityId: payload.entityId } })
        ).map((line) => line.id)
      : [];
    const existing = new Set((await em.find(Solicitation, { requestId: payload.requestId })).map((s) => s.brandId));
    for (const brand of payload.brands.filter((b) => !existing.has(b.brandId))) {
      em.persist(
        em.create(Solicitation, {
          requestId: payload.requestId,
          brandId: brand.brandId,
          solutionIds: brand.solutionIds,
          entityId: payload.entityId,
          entitySiret: payload.entitySiret,
          fileNumber: payload.fileNumber,
          projectName: payload.projectName,
          renewedOrderLineIds: payload.renewedOrderLineIds?.filter((id) => renewable.includes(id)) ?? [],
          submittedAt: new Date(payload.submittedAt),
        }),
      );
    }
    publish(em, TOPICS.solicitationOpened, {
      requestId: payload.requestId,
      brandIds: payload.brands.map((b) => b.brandId),
    } satisfies SolicitationOpened);
  },
  [TOPICS.requestCancelled]: (em, { payload }: DeliveredEvent<RequestCancelled>) =>
    closeSolicitations(em, payload.requestId),
  // An order is disputed while an incident on it is open; a close never reopens it.
  [INCIDENT_TOPICS.incidentOpened]: async (em, { payload }: DeliveredEvent<IncidentOpened>) => {
    if (!(await em.findOne(OrderIncident, { incidentId: payload.incidentId })))
      em.persist(em.create(OrderIncident, { incidentId: payload.incidentId, orderId: payload.orderId, open: true }));
  },
  [INCIDENT_TOPICS.incidentClosed]: async (em, { payload }: DeliveredEvent<IncidentClosed>) => {
    const known = await em.findOne(OrderIncident, { incidentId: payload.incidentId });
    if (known) known.open = false;
    else
      em.persist(em.create(OrderIncident, { incidentId: payload.incidentId, orderId: payload.orderId, open: false }));
  },
};

/**
 * Ends what a request asks of its brands (all of them, or one): it no longer awaits their answer,
 * because it was ordered or cancelled, or the brand's proposal was refused or closed.
 */
export async function closeSolicitations(em: EntityManager, requestId: string, brandId?: string) {
  const open = await em.find(Solicitation, { requestId, closedAt: null, ...(brandId ? { brandId } : {}) });
  for (const solicitation of open) solicitation.closedAt = new Date();
}

/** "Demandes à traiter": the requests soliciting the supplier's brand that await its answer, latest first. */
export function requestsToAnswer(em: EntityManager, caller: Identity, page: PageArgs, includeClosed = false) {
  assertMay(caller, 'solicitation:list');
  return paginate(
    em,
    Solicitation,
    { brandId: caller.brandId!, ...(includeClosed ? {} : { closedAt: null }) },
    [{ submittedAt: 'desc' }, { id: 'desc' }],
    page,
  );
}
