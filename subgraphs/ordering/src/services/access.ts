import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BUYER_ROLES, Role } from '@nuage/contracts';
import {
  available,
  definePermissions,
  isPartyOf,
  type Identity,
  NOTHING,
  partiesScope,
  ScopedRepository,
} from '@nuage/platform';
import {
  CreditNote,
  DelayRequest,
  Delivery,
  Invoice,
  Order,
  Proposal,
  ProposalDocument,
  SubscriptionOrder,
} from '../entities/index.js';
import { ORDER_LIFECYCLE, type OrderAction } from './order-lifecycle.js';
import { PROPOSAL_LIFECYCLE, type ProposalAction } from './proposal-lifecycle.js';

/**
 * Who reads what in ordering. Proposals, orders and all that hangs off them are shared by the
 * parties of the file: the entity's buyers, the brand's supplier, and market-wide staff.
 */
const scope = (caller: Identity | null) => (caller ? partiesScope(caller) : NOTHING);

export const orderScope = (caller: Identity | null): FilterQuery<Order> => scope(caller);
/**
 * A sealed proposal is read by its own supplier only until its request's proposals open: the
 * buyer, its managers and market-wide staff learn that it exists (`Consultation`), not what it says.
 */
export const proposalScope = (caller: Identity | null): FilterQuery<Proposal> =>
  caller?.role === Role.SUPPLIER ? scope(caller) : { $and: [scope(caller), { sealed: false }] };

export const ordersFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, Order, orderScope(caller), { fr: 'La commande', en: 'The order' });

/** Invoices and credit notes: the parties of their order, and market-wide staff. */
export const invoiceScope = (caller: Identity | null): FilterQuery<Invoice> => scope(caller);
export const creditNoteScope = (caller: Identity | null): FilterQuery<CreditNote> => scope(caller);

export const invoicesFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, Invoice, invoiceScope(caller), { fr: 'La facture', en: 'The invoice' });

export const creditNotesFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, CreditNote, creditNoteScope(caller), { fr: "L'avoir", en: 'The credit note' });

export const proposalsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, Proposal, proposalScope(caller), { fr: 'La proposition', en: 'The proposal' });

export const proposalDocumentsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(
    em,
    ProposalDocument,
    { proposal: proposalScope(caller) },
    { fr: 'Le document', en: 'The document' },
  );

export const subscriptionOrdersFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, SubscriptionOrder, scope(caller), {
    fr: 'Le bon de souscription',
    en: 'The subscription order',
  });

export const deliveriesFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(em, Delivery, scope(caller), { fr: 'Le bon de livraison', en: 'The delivery note' });

export const delayRequestsFor = (em: EntityManager, caller: Identity) =>
  new ScopedRepository(
    em,
    DelayRequest,
    { order: orderScope(caller) },
    {
      fr: 'La demande de délai',
      en: 'The delay request',
    },
  );

/**
 * What roles may do beyond the lifecycles' transitions (those say themselves who takes them:
 * `assertMayTake`).
 */
export const assertMay = definePermissions({
  /** "Demande de délai": the buyer or the supplier asks to move the planned delivery. */
  'delay:request': [...BUYER_ROLES, Role.SUPPLIER],
  /** The other party answers: the supplier or UGAP. */
  'delay:answer': [Role.SUPPLIER, Role.UGAP],
  /** A supplier answers the requests its brand is solicited on. */
  'proposal:submit': [Role.SUPPLIER],
  /** The buyer tops up a line of a running subscription (credits). */
  'credits:renew': BUYER_ROLES,
  /** A supplier lists the requests its brand may answer. */
  'solicitation:list': [Role.SUPPLIER],
  /** A solicited supplier declines to answer, with a reason the buyer reads. */
  'solicitation:decline': [Role.SUPPLIER],
  /** The buyer moves its request's response deadline later (recorded with why). */
  'consultation:extend': BUYER_ROLES,
  /** The buyer opens sealed proposals before the deadline, once every solicited brand answered or declined. */
  'consultation:open': BUYER_ROLES,
  /** The buyer's side and market staff compare a request's proposals like for like. */
  'comparison:read': [...BUYER_ROLES, Role.UGAP, Role.MARKET_HOLDER],
  /** The buyer records the legal commitment (EJ) it raised in Chorus. */
  'legalCommitment:record': BUYER_ROLES,
  /** The market holder or UGAP state a credit that resolves an incident. */
  'credit:state': [Role.MARKET_HOLDER, Role.UGAP],
  /** Market-wide staff read the market's billing figures, entity by entity or brand by brand. */
  'billing:aggregate': [Role.MARKET_HOLDER, Role.UGAP, Role.ANALYST],
});

/** What the caller may do with an order now: its parties and UGAP act on it, market-wide readers do not. */
export function orderActionsOf(caller: Identity, order: Order): OrderAction[] {
  const concerned = isPartyOf(caller, order) || caller.role === Role.UGAP;
  return concerned ? available(ORDER_LIFECYCLE, order.status, caller.role) : [];
}

/** What the caller may do with a proposal now: only its parties (the entity, the brand) act on it. */
export function proposalActionsOf(caller: Identity, proposal: Proposal): ProposalAction[] {
  const concerned = isPartyOf(caller, proposal);
  return concerned ? available(PROPOSAL_LIFECYCLE, proposal.status, caller.role) : [];
}
