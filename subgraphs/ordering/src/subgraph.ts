import { fileStoreOf } from '@nuage/files';
import { HistoryEntry, HistoryEntryFields, HistoryField } from '@nuage/history';
import type { SubgraphDefinition } from '@nuage/platform';
import {
  DashboardReference,
  Delivery,
  FULFILMENT_ENTITIES,
  Invoice,
  OrderIncident,
  IdempotencyKey,
  Order,
  OrderLine,
  Proposal,
  ProposalDocument,
  ProposalLine,
  RequestReference,
  Solicitation,
  SubscriptionOrder,
} from './entities';
// The resolvers' import order is the schema's field order: orders first, as they always were.
import { OrderResolver } from './resolvers/order.resolver';
import { SubscriptionOrderResolver } from './resolvers/subscription-order.resolver';
import { DeliveryLineResolver, DeliveryResolver } from './resolvers/delivery.resolver';
import { RenewalResolver } from './resolvers/renewal.resolver';
import { OrderLineResolver } from './resolvers/order-line.resolver';
import { InvoiceResolver } from './resolvers/invoice.resolver';
import { resolveOrderReference } from './resolvers/order.reference';
import { resolveOrderLineReference } from './resolvers/order-line.reference';
import { resolveProposalReference } from './resolvers/proposal.reference';
import { SolicitationResolver } from './resolvers/solicitation.resolver';
import { DashboardResolver } from './resolvers/dashboard.resolver';
import { ProposalDocumentResolver, ProposalLineResolver, ProposalResolver } from './resolvers/proposal.resolver';
import { RequestProposalsResolver } from './resolvers/request.resolver';
import { ORDERING_CONSUME } from './events';
import { routes } from './routes';
import { createLoaders, type OrderingLoaders, type OrderingServices } from './loaders';
import { migrations } from './migrations';
import { resolveRequestReference } from './resolvers/request.reference';
import { resolveDashboardReference } from './resolvers/dashboard.reference';

/** Ordering: solicitations, proposals, subscription orders, orders, activation, invoices. */
export const ordering: SubgraphDefinition<OrderingLoaders, OrderingServices> = {
  name: 'ordering',
  resolvers: [
    OrderResolver,
    RenewalResolver,
    OrderLineResolver,
    InvoiceResolver,
    SubscriptionOrderResolver,
    DeliveryResolver,
    DeliveryLineResolver,
    SolicitationResolver,
    DashboardResolver,
    ProposalResolver,
    ProposalLineResolver,
    ProposalDocumentResolver,
    RequestProposalsResolver,
    HistoryEntryFields,
    HistoryField(Proposal, 'proposal'),
    HistoryField(SubscriptionOrder, 'subscription order'),
    HistoryField(Order, 'order (its activation included)'),
    HistoryField(Delivery, 'delivery note'),
    HistoryField(Invoice, 'invoice'),
  ],
  orphanedTypes: [DashboardReference, RequestReference],
  references: {
    Order: { __resolveReference: resolveOrderReference },
    OrderLine: { __resolveReference: resolveOrderLineReference },
    Proposal: { __resolveReference: resolveProposalReference },
    Dashboard: { __resolveReference: resolveDashboardReference },
    Request: { __resolveReference: resolveRequestReference },
  },
  entities: [
    Order,
    OrderLine,
    Solicitation,
    Proposal,
    ProposalLine,
    IdempotencyKey,
    SubscriptionOrder,
    ProposalDocument,
    ...FULFILMENT_ENTITIES,
    OrderIncident,
    HistoryEntry,
  ],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  createLoaders,
  services: fileStoreOf,
  consumes: ORDERING_CONSUME,
  routes,
};
