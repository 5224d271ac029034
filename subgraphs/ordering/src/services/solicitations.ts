import type { EntityManager } from '@mikro-orm/postgresql';
import { TOPICS, type RequestSubmitted, type SolicitationOpened } from '@nuage/contracts';
import { paginate, publish, type Identity, type PageArgs } from '@nuage/platform';
import { OrderLine, Solicitation } from '../entities/index.js';
import { assertMay } from './access.js';
import { openConsultation } from './consultations.js';

/** A submitted request opens one solicitation per brand it solicits, then tells the requests subgraph. */
export async function openSolicitations(em: EntityManager, payload: RequestSubmitted): Promise<void> {
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
        // Events produced before documents named the buyer carry no entity.
        buyer: payload.entity ?? null,
        fileNumber: payload.fileNumber,
        projectName: payload.projectName,
        renewedOrderLineIds: payload.renewedOrderLineIds?.filter((id) => renewable.includes(id)) ?? [],
        submittedAt: new Date(payload.submittedAt),
      }),
    );
  }
  await openConsultation(em, payload);
  publish(em, TOPICS.solicitationOpened, {
    requestId: payload.requestId,
    brandIds: payload.brands.map((b) => b.brandId),
  } satisfies SolicitationOpened);
}

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
