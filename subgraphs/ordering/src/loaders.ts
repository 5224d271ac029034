import type { FileStore } from '@nuage/files';
import type { ConsultationPolicy } from './settings.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { loaderById, loaderByParent, type Identity, type SubgraphContext } from '@nuage/platform';
import { creditNoteScope, invoiceScope, orderScope, proposalScope } from './services/access.js';
import { figuresOfLines, figuresOfOrders, outstandingOfOrders } from './services/billing-figures.js';
import {
  Consultation,
  CreditNote,
  CreditNoteLine,
  InvoiceLine,
  OrderIncident,
  DelayRequest,
  DeliveryLine,
  Invoice,
  Order,
  OrderLine,
  Proposal,
  ProposalDocument,
  ProposalLine,
  Solicitation,
  SubscriptionOrder,
} from './entities/index.js';

/** Per-request batching: a page of proposals or orders costs one statement per level. */
export function createLoaders(em: EntityManager, identity: Identity | null) {
  return {
    /** A request's proposals the caller may read, latest first. */
    proposalsByRequest: loaderByParent(
      em,
      Proposal,
      'requestId',
      { createdAt: 'desc', id: 'desc' },
      proposalScope(identity),
    ),
    proposalById: loaderById(em, Proposal),
    /** Every proposal of a request, sealed included: only who proposed and when is read from these (`Consultation`). */
    receivedByRequest: loaderByParent(em, Proposal, 'requestId', { createdAt: 'asc', id: 'asc' }),
    consultationByRequest: loaderByParent(em, Consultation, 'requestId', { id: 'asc' }),
    solicitationsByRequest: loaderByParent(em, Solicitation, 'requestId', { submittedAt: 'asc', id: 'asc' }),
    /** Proposals by id that this reader may read (null otherwise): other subgraphs' references, batched. */
    readableProposalById: loaderById(em, Proposal, () => proposalScope(identity)),
    orderById: loaderById(em, Order),
    /** The orders of each (entity, project) the reader may see, latest first: "Commandes liées" of a page of orders in one statement. */
    ordersByProject: new DataLoader<string, Order[]>(async (keys) => {
      const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
      const orders = await em.find(
        Order,
        {
          $and: [orderScope(identity), { $or: pairs.map(([entityId, projectName]) => ({ entityId, projectName })) }],
        },
        { orderBy: { placedAt: 'desc', id: 'desc' } },
      );
      return pairs.map(([entityId, projectName]) =>
        orders.filter((o) => o.entityId === entityId && o.projectName === projectName),
      );
    }),
    /** Orders by id that this reader may see (null otherwise): other subgraphs' references, batched. */
    readableOrderById: loaderById(em, Order, () => orderScope(identity)),
    /** Order lines by id, of orders this reader may see (null otherwise): other subgraphs' references, batched. */
    readableOrderLineById: loaderById(em, OrderLine, () => ({ order: orderScope(identity) })),
    linesByProposal: loaderByParent(em, ProposalLine, 'proposal', { position: 'asc', id: 'asc' }),
    documentsByProposal: loaderByParent(em, ProposalDocument, 'proposal', { createdAt: 'asc', kind: 'asc' }),
    linesByOrder: loaderByParent(em, OrderLine, 'order', { position: 'asc', id: 'asc' }),
    delaysByOrder: loaderByParent(em, DelayRequest, 'order', { createdAt: 'desc', id: 'desc' }),
    invoicesByOrder: loaderByParent(em, Invoice, 'order', { periodStart: 'asc', id: 'asc' }),
    invoiceById: loaderById(em, Invoice),
    /** Invoices by id that this reader may read (null otherwise): other subgraphs' references, batched. */
    readableInvoiceById: loaderById(em, Invoice, () => invoiceScope(identity)),
    linesByInvoice: loaderByParent(em, InvoiceLine, 'invoice', { position: 'asc', id: 'asc' }),
    creditNotesByInvoice: loaderByParent(em, CreditNote, 'invoice', { createdAt: 'asc', id: 'asc' }),
    creditNotesByOrder: loaderByParent(em, CreditNote, 'order', { createdAt: 'asc', id: 'asc' }),
    linesByCreditNote: loaderByParent(em, CreditNoteLine, 'creditNote', { position: 'asc', id: 'asc' }),
    creditNoteByIncident: new DataLoader<string, CreditNote | null>(async (ids) => {
      const rows = identity
        ? await em.find(CreditNote, { $and: [{ incidentId: { $in: [...ids] } }, creditNoteScope(identity)] })
        : [];
      return ids.map((id) => rows.find((r) => r.incidentId === id) ?? null);
    }),
    billingByOrderLine: new DataLoader((ids: readonly string[]) => figuresOfLines(em, ids)),
    billingByOrder: new DataLoader((ids: readonly string[]) => figuresOfOrders(em, ids)),
    outstandingByOrder: new DataLoader((ids: readonly string[]) => outstandingOfOrders(em, ids)),
    linesByDelivery: loaderByParent(em, DeliveryLine, 'delivery', { id: 'asc' }),
    openIncidentsByOrder: new DataLoader<string, number>(async (ids) => {
      const rows = await em.find(OrderIncident, { orderId: { $in: [...ids] }, open: true });
      return ids.map((id) => rows.filter((r) => r.orderId === id).length);
    }),
    subscriptionByProposal: new DataLoader<string, SubscriptionOrder | null>(async (ids) => {
      const rows = await em.find(SubscriptionOrder, { proposal: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.proposal.id === id) ?? null);
    }),
  };
}
export type OrderingLoaders = ReturnType<typeof createLoaders>;

/** The opt-in services this subgraph uses (see `services` in its definition). */
export type OrderingServices = { files: FileStore; consultations: ConsultationPolicy };

/** What this subgraph's resolvers receive: the platform's context with these loaders and its services. */
export type Context = SubgraphContext<OrderingLoaders, OrderingServices>;
