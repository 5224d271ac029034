import { BUYER_ROLES, Role } from '@nuage/contracts';
import { defineLifecycle, registerActions } from '@nuage/platform';
import { REQUEST_STATUS_LABELS, RequestStatus } from '../entities/request.js';

const { DRAFT, SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED, ORDERED, CLOSED, CANCELLED } = RequestStatus;

/** What a client may do with a request: each value is the mutation it calls. */
export enum RequestAction {
  UPDATE_REQUEST_DRAFT = 'UPDATE_REQUEST_DRAFT',
  SUBMIT_REQUEST = 'SUBMIT_REQUEST',
  CANCEL_REQUEST = 'CANCEL_REQUEST',
  CLOSE_REQUEST = 'CLOSE_REQUEST',
}
registerActions(RequestAction, 'RequestAction', 'a request');

/**
 * A request's lifecycle: draft → sent → awaiting provider → proposals received → ordered →
 * closed, or cancelled before it is ordered. SYSTEM transitions come from other subgraphs' events.
 */
export const REQUEST_LIFECYCLE = defineLifecycle({
  noun: { fr: 'cette demande', en: 'this request' },
  states: REQUEST_STATUS_LABELS,
  transitions: {
    edit: {
      from: [DRAFT],
      to: DRAFT,
      by: BUYER_ROLES,
      verb: { fr: 'modifier', en: 'change' },
      action: RequestAction.UPDATE_REQUEST_DRAFT,
    },
    submit: {
      from: [DRAFT],
      to: SENT,
      by: BUYER_ROLES,
      verb: { fr: 'envoyer', en: 'submit' },
      action: RequestAction.SUBMIT_REQUEST,
    },
    solicit: {
      from: [SENT],
      to: AWAITING_PROVIDER,
      by: ['SYSTEM'],
      verb: { fr: 'solliciter les fournisseurs pour', en: 'solicit the providers for' },
    },
    receiveProposal: {
      from: [SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED],
      to: PROPOSALS_RECEIVED,
      by: ['SYSTEM'],
      verb: { fr: 'recevoir une proposition sur', en: 'receive a proposal on' },
    },
    order: { from: [PROPOSALS_RECEIVED], to: ORDERED, by: ['SYSTEM'], verb: { fr: 'commander', en: 'order' } },
    close: {
      from: [ORDERED],
      to: CLOSED,
      by: [...BUYER_ROLES, Role.MARKET_HOLDER, 'SYSTEM'],
      verb: { fr: 'clore', en: 'close' },
      action: RequestAction.CLOSE_REQUEST,
    },
    cancel: {
      from: [DRAFT, SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED],
      to: CANCELLED,
      by: [...BUYER_ROLES, Role.MARKET_HOLDER],
      verb: { fr: 'annuler', en: 'cancel' },
      action: RequestAction.CANCEL_REQUEST,
    },
  },
});
export type RequestTransition = keyof typeof REQUEST_LIFECYCLE.transitions;

/** Statuses of a request the dashboard counts as in progress. */
export const IN_PROGRESS = [SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED];
