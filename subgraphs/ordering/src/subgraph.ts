import { fileStoreOf, StoredFile } from '@nuage/files';
import { HistoryEntry, HistoryEntryFields, HistoryField } from '@nuage/history';
import { settingsFrom, type SubgraphDefinition } from '@nuage/platform';
import { consultationPolicyOf, ORDERING_SETTINGS } from './settings.js';
import { keepConsultationsOnTime } from './services/consultations.js';
import {
  DashboardReference,
  Delivery,
  BILLING_ENTITIES,
  CreditNote,
  FULFILMENT_ENTITIES,
  IncidentReference,
  Invoice,
  PARTY_ENTITIES,
  OrderIncident,
  IdempotencyKey,
  Order,
  OrderLine,
  Proposal,
  ProposalDocument,
  ProposalLine,
  RequestReference,
  Solicitation,
  Consultation,
  SubscriptionOrder,
} from './entities/index.js';
// The resolvers' import order is the schema's field order: orders first, as they always were.
import { OrderResolver } from './resolvers/order.resolver.js';
import { SubscriptionOrderResolver } from './resolvers/subscription-order.resolver.js';
import { DeliveryLineResolver, DeliveryResolver } from './resolvers/delivery.resolver.js';
import { RenewalResolver } from './resolvers/renewal.resolver.js';
import { OrderLineResolver } from './resolvers/order-line.resolver.js';
import { InvoiceLineResolver, InvoiceResolver } from './resolvers/invoice.resolver.js';
import { CreditNoteResolver, IncidentCreditResolver } from './resolvers/credit-note.resolver.js';
import { resolveIncidentReference } from './resolvers/incident.reference.js';
import { resolveInvoiceReference } from './resolvers/invoice.reference.js';
import { resolveOrderReference } from './resolvers/order.reference.js';
import { resolveOrderLineReference } from './resolvers/order-line.reference.js';
import { resolveProposalReference } from './resolvers/proposal.reference.js';
import { SolicitationResolver } from './resolvers/solicitation.resolver.js';
import { DashboardResolver } from './resolvers/dashboard.resolver.js';
import { ProposalDocumentResolver, ProposalLineResolver, ProposalResolver } from './resolvers/proposal.resolver.js';
import { RequestProposalsResolver } from './resolvers/request.resolver.js';
import {
  ConsultationResolver,
  RequestConsultationResolver,
  SolicitationDeclineResolver,
} from './resolvers/consultation.resolver.js';
import { ORDERING_CONSUME } from './events.js';
import { routes } from './routes.js';
import { createLoaders, type OrderingLoaders, type OrderingServices } from './loaders.js';
import { migrations } from './migrations/index.js';
import { resolveRequestReference } from './resolvers/request.reference.js';
import { resolveDashboardReference } from './resolvers/dashboard.reference.js';

/** Ordering: solicitations, proposals, subscription orders, orders, activation, invoices. */
export const ordering: SubgraphDefinition<OrderingLoaders, OrderingServices> = {
  name: 'ordering',
  resolvers: [
    OrderResolver,
    RenewalResolver,
    OrderLineResolver,
    InvoiceResolver,
    InvoiceLineResolver,
    CreditNoteResolver,
    IncidentCreditResolver,
    SubscriptionOrderResolver,
    DeliveryResolver,
    DeliveryLineResolver,
    SolicitationResolver,
    SolicitationDeclineResolver,
    ConsultationResolver,
    DashboardResolver,
    ProposalResolver,
    ProposalLineResolver,
    ProposalDocumentResolver,
    RequestProposalsResolver,
    RequestConsultationResolver,
    HistoryEntryFields,
    HistoryField(Proposal, 'proposal'),
    HistoryField(SubscriptionOrder, 'subscription order'),
    HistoryField(Order, 'order (its activation included)'),
    HistoryField(Delivery, 'delivery note'),
    HistoryField(Invoice, 'invoice'),
    HistoryField(CreditNote, 'credit note'),
  ],
  orphanedTypes: [DashboardReference, RequestReference, IncidentReference],
  references: {
    Order: { __resolveReference: resolveOrderReference },
    OrderLine: { __resolveReference: resolveOrderLineReference },
    Proposal: { __resolveReference: resolveProposalReference },
    Dashboard: { __resolveReference: resolveDashboardReference },
    Request: { __resolveReference: resolveRequestReference },
    Incident: { __resolveReference: resolveIncidentReference },
    Invoice: { __resolveReference: resolveInvoiceReference },
  },
  entities: [
    StoredFile,
    Order,
    OrderLine,
    Solicitation,
    Consultation,
    Proposal,
    ProposalLine,
    IdempotencyKey,
    SubscriptionOrder,
    ProposalDocument,
    ...FULFILMENT_ENTITIES,
    ...BILLING_ENTITIES,
    ...PARTY_ENTITIES,
    OrderIncident,
    HistoryEntry,
  ],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders,
  settings: ORDERING_SETTINGS,
  services: (setup) => ({ ...fileStoreOf(setup), consultations: consultationPolicyOf(setup) }),
  clock: {
    everyMs: (settings) => settingsFrom(settings, ORDERING_SETTINGS).CONSULTATION_CLOCK_SECONDS * 1_000,
    run: ({ orm, consultations }) => keepConsultationsOnTime(orm.em.fork(), consultations),
  },
  consumes: ORDERING_CONSUME,
  routes,
};
