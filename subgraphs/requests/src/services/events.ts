import type { EntityManager } from '@mikro-orm/postgresql';
import { TOPICS, type DeliveredEvent, type EventHandler, type GuidedChoiceRecorded, type ProductChanged, type SolicitationOpened, type SolutionChanged } from '@nuage/shared';
import { KnownGuidedChoice, KnownProduct, KnownSolution, RequestStatus, ServiceRequest } from '../entities';
import { transition } from './requests';

/** Upserts this subgraph's copy of a catalogue row: the latest event wins, in whatever order they come. */
async function upsert<T extends object>(em: EntityManager, entity: new () => T, id: string, values: Partial<T>) {
  const row = (await em.findOne(entity, { id } as never)) ?? em.create(entity, { id, ...values } as never);
  Object.assign(row, values);
  em.persist(row);
}

/** What this subgraph learns from the others (see `@nuage/shared` TOPICS). */
export const REQUESTS_CONSUME: Record<string, EventHandler> = {
  [TOPICS.solutionChanged]: (em, { payload }: DeliveredEvent<SolutionChanged>) => upsert(em, KnownSolution, payload.id, { brandId: payload.brandId, name: payload.name, retired: payload.retired }),
  [TOPICS.productChanged]: (em, { payload }: DeliveredEvent<ProductChanged>) =>
    upsert(em, KnownProduct, payload.id, { brandId: payload.brandId, code: payload.code, designation: payload.designation, retired: payload.retired }),
  [TOPICS.guidedChoiceRecorded]: (em, { payload }: DeliveredEvent<GuidedChoiceRecorded>) =>
    upsert(em, KnownGuidedChoice, payload.id, { entityId: payload.entityId, projectName: payload.projectName, matches: payload.matches }),
  // The ordering subgraph has told the solicited brands: the request now awaits them.
  [TOPICS.solicitationOpened]: async (em, { payload }: DeliveredEvent<SolicitationOpened>) => {
    const request = await em.findOne(ServiceRequest, { id: payload.requestId });
    if (request?.status === RequestStatus.SENT) transition(request, 'solicit', 'SYSTEM');
  },
};
