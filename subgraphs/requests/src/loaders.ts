import type { FileStore } from '@nuage/files';
import type { Mailer } from '@nuage/mail';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HistoryEntry } from '@nuage/history';
import { loaderById, loaderByParent, type Identity, type SubgraphContext, NOTHING } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { threadLoaders } from '@nuage/threads';
import {
  BeneficiaryEntity,
  FeedEvent,
  Person,
  Project,
  RequestItem,
  RequestSolution,
  ServiceRequest,
  Team,
} from './entities/index.js';
import { readableEntities, visibleRequests } from './services/access.js';
import type { ConsultationDefaults } from './services/requests.js';
import type { WebhookPolicy } from './settings.js';
import type { WebhookSender } from './services/webhook-sender.js';

export function createLoaders(em: EntityManager, identity: Identity | null) {
  return {
    /** Requests by id that this reader may read (null otherwise): other subgraphs' references, batched. */
    readableRequestById: loaderById(em, ServiceRequest, () => (identity ? visibleRequests(em, identity) : NOTHING)),
    entityById: loaderById(em, BeneficiaryEntity),
    /** Entities by id whose profile this reader may read (null otherwise): see `readableEntities`. */
    readableEntityById: loaderById(em, BeneficiaryEntity, () => (identity ? readableEntities(em, identity) : NOTHING)),
    personById: loaderById(em, Person),
    /** The events of a webhook delivery log (each delivery's own, read in one statement). */
    eventById: loaderById(em, FeedEvent),
    projectById: loaderById(em, Project),
    teamById: loaderById(em, Team),
    /** "Mon équipe" of many entities in one statement each, however deeply a query nests them. */
    peopleByEntity: loaderByParent(em, Person, 'entity', { lastName: 'asc', firstName: 'asc', id: 'asc' }),
    teamsByEntity: new DataLoader<string, Team[]>(async (entityIds) => {
      const teams = await em.find(
        Team,
        { entity: { $in: [...entityIds] } },
        { orderBy: { name: 'asc', id: 'asc' }, populate: ['members'] },
      );
      return entityIds.map((id) => teams.filter((team) => team.entity.id === id));
    }),
    solutionsByRequest: loaderByParent(em, RequestSolution, 'request', { position: 'asc', id: 'asc' }),
    itemsByRequest: loaderByParent(em, RequestItem, 'request', { position: 'asc', id: 'asc' }),
    /** A file's timeline as the reader may see it: a supplier, the steps of no brand in particular and its own brand's. */
    timelineByFile: loaderByParent(
      em,
      HistoryEntry,
      'fileId',
      { at: 'asc', id: 'asc' },
      identity?.role === Role.SUPPLIER ? { $or: [{ brandId: null }, { brandId: identity.brandId! }] } : {},
    ),
    ...threadLoaders(em, identity),
  };
}
export type RequestsLoaders = ReturnType<typeof createLoaders>;

/** The opt-in services this subgraph uses (see `services` in its definition). */
export type RequestsServices = {
  files: FileStore;
  mailer: Mailer;
  activationUrl: string;
  consultation: ConsultationDefaults;
  webhookPolicy: WebhookPolicy;
  webhooks: WebhookSender;
  eventRetentionDays: number;
};

/** What this subgraph's resolvers receive: the platform's context with these loaders and its services. */
export type Context = SubgraphContext<RequestsLoaders, RequestsServices>;
