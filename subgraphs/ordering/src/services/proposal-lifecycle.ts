import { defineLifecycle, Role } from '@nuage/shared';
import { ProposalStatus } from '../entities/proposal';

const { AWAITING_MANAGER, APPROVED, REJECTED_BY_MANAGER, ACCEPTED, REFUSED, WITHDRAWN, CLOSED } = ProposalStatus;
const BUYERS = [Role.BENEFICIARY, Role.MANAGER] as const;
const OPEN = [AWAITING_MANAGER, APPROVED, REJECTED_BY_MANAGER];

/**
 * A proposal's lifecycle: the entity's manager approves or rejects it, then a buyer accepts or
 * refuses it; the supplier may revise (back to the manager) or withdraw it until it is accepted.
 */
export const PROPOSAL_LIFECYCLE = defineLifecycle('proposal', {
  approve: { from: [AWAITING_MANAGER], to: APPROVED, by: [Role.MANAGER] },
  reject: { from: [AWAITING_MANAGER], to: REJECTED_BY_MANAGER, by: [Role.MANAGER] },
  accept: { from: [APPROVED], to: ACCEPTED, by: BUYERS },
  refuse: { from: [AWAITING_MANAGER, APPROVED], to: REFUSED, by: BUYERS },
  revise: { from: OPEN, to: AWAITING_MANAGER, by: [Role.SUPPLIER] },
  withdraw: { from: OPEN, to: WITHDRAWN, by: [Role.SUPPLIER] },
  close: { from: OPEN, to: CLOSED, by: ['SYSTEM'] },
});
export type ProposalTransition = keyof typeof PROPOSAL_LIFECYCLE.transitions;
