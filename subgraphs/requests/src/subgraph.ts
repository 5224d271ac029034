import { fileStoreOf, StoredFile } from '@nuage/files';
import { mailEffects, mailerOf } from '@nuage/mail';
import {
  consultationDefaultsOf,
  eventRetentionDaysOf,
  invitationLinksOf,
  REQUESTS_SETTINGS,
  webhookPolicyOf,
  webhookRetriesOf,
} from './settings.js';
import { DocumentFields, MessageFields, THREAD_ENTITIES, deleteUnattachedUploads } from '@nuage/threads';
import { HistoryEntry, HistoryEntryFields, HistoryField } from '@nuage/history';
import type { SubgraphDefinition } from '@nuage/platform';
import { SEED_BRANDS } from '@nuage/fixtures';
import {
  BeneficiaryEntity,
  KnownGuidedChoice,
  KnownOrder,
  KnownProduct,
  KnownSolution,
  FeedEvent,
  Notification,
  Person,
  Project,
  RequestItem,
  RequestSolution,
  SearchDocument,
  ServiceRequest,
  Team,
  WebhookDelivery,
  WebhookEndpoint,
} from './entities/index.js';
import { PersonResolver } from './resolvers/person.resolver.js';
import { resolvePersonReference } from './resolvers/person.reference.js';
import { BeneficiaryEntityResolver } from './resolvers/beneficiary-entity.resolver.js';
import { resolveBeneficiaryEntityReference } from './resolvers/beneficiary-entity.reference.js';
import { RequestResolver } from './resolvers/request.resolver.js';
import { resolveRequestReference } from './resolvers/request.reference.js';
import { ProjectResolver, RequestItemResolver, RequestSolutionResolver } from './resolvers/request-parts.resolver.js';
import { MessageResolver } from './resolvers/message.resolver.js';
import { TimelineResolver } from './resolvers/timeline.resolver.js';
import { NotificationResolver } from './resolvers/notification.resolver.js';
import { SearchResolver } from './resolvers/search.resolver.js';
import { TeamMembersResolver, TeamResolver } from './resolvers/team.resolver.js';
import { Dashboard, DashboardResolver } from './resolvers/dashboard.resolver.js';
import { resolveDashboardReference } from './resolvers/dashboard.reference.js';
import { EventResolver } from './resolvers/event.resolver.js';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './resolvers/webhook.resolver.js';
import { WebhookSender, webhookEffects } from './services/webhook-sender.js';
import { deleteOldEvents } from './services/feed.js';
import { routes } from './routes.js';
import { REQUESTS_CONSUME } from './events.js';
import { createLoaders, type RequestsLoaders, type RequestsServices } from './loaders.js';
import { migrations } from './migrations/index.js';
import { seedRequests } from './seed/index.js';

/** The buyer's workspace: entities, people and teams, projects, requests, messages and documents. */
export const requests: SubgraphDefinition<RequestsLoaders, RequestsServices> = {
  name: 'requests',
  resolvers: [
    PersonResolver,
    BeneficiaryEntityResolver,
    TeamResolver,
    TeamMembersResolver,
    RequestResolver,
    RequestSolutionResolver,
    RequestItemResolver,
    MessageFields,
    DocumentFields,
    ProjectResolver,
    MessageResolver,
    DashboardResolver,
    HistoryEntryFields,
    HistoryField(ServiceRequest, 'request'),
    TimelineResolver,
    NotificationResolver,
    SearchResolver,
    EventResolver,
    WebhookEndpointResolver,
    WebhookDeliveryResolver,
  ],
  orphanedTypes: [Dashboard],
  references: {
    Person: { __resolveReference: resolvePersonReference },
    BeneficiaryEntity: { __resolveReference: resolveBeneficiaryEntityReference },
    Request: { __resolveReference: resolveRequestReference },
    Dashboard: { __resolveReference: resolveDashboardReference },
  },
  entities: [
    StoredFile,
    BeneficiaryEntity,
    Person,
    Team,
    Project,
    ServiceRequest,
    RequestSolution,
    RequestItem,
    ...THREAD_ENTITIES,
    HistoryEntry,
    Notification,
    SearchDocument,
    KnownSolution,
    KnownProduct,
    KnownGuidedChoice,
    KnownOrder,
    FeedEvent,
    WebhookEndpoint,
    WebhookDelivery,
  ],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seed: (em) => seedRequests(em, SEED_BRANDS),
  createLoaders,
  settings: REQUESTS_SETTINGS,
  services: (setup) => {
    const { webhookPolicy } = webhookPolicyOf(setup);
    return {
      ...fileStoreOf(setup),
      ...mailerOf(setup),
      ...invitationLinksOf(setup),
      ...consultationDefaultsOf(setup),
      webhookPolicy,
      webhooks: new WebhookSender(setup.orm, webhookPolicy),
      eventRetentionDays: eventRetentionDaysOf(setup.settings),
    };
  },
  consumes: REQUESTS_CONSUME,
  effects: { ...mailEffects, ...webhookEffects },
  effectQueues: webhookRetriesOf,
  housekeeping: async ({ orm, files, eventRetentionDays }) => {
    await deleteUnattachedUploads(orm.em.fork(), files);
    await deleteOldEvents(orm.em.fork(), eventRetentionDays);
  },
  routes,
};
