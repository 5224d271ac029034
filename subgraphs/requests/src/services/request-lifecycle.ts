import { defineLifecycle, Role } from '@nuage/shared';
import { RequestStatus } from '../entities/request';

const { DRAFT, SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED, ORDERED, CLOSED, CANCELLED } = RequestStatus;
const BUYERS = [Role.BENEFICIARY, Role.MANAGER] as const;

/**
 * A request's lifecycle: draft → sent → awaiting provider → proposals received → ordered →
 * closed, or cancelled before it is ordered. SYSTEM transitions come from other subgraphs' events.
 */
export const REQUEST_LIFECYCLE = defineLifecycle('request', {
  submit: { from: [DRAFT], to: SENT, by: BUYERS },
  solicit: { from: [SENT], to: AWAITING_PROVIDER, by: ['SYSTEM'] },
  receiveProposal: { from: [SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED], to: PROPOSALS_RECEIVED, by: ['SYSTEM'] },
  order: { from: [PROPOSALS_RECEIVED], to: ORDERED, by: ['SYSTEM'] },
  close: { from: [ORDERED], to: CLOSED, by: [...BUYERS, Role.MARKET_HOLDER, 'SYSTEM'] },
  cancel: { from: [DRAFT, SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED], to: CANCELLED, by: [...BUYERS, Role.MARKET_HOLDER] },
});
export type RequestTransition = keyof typeof REQUEST_LIFECYCLE.transitions;

/** Statuses of a request the dashboard counts as in progress. */
export const IN_PROGRESS = [SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED];
