import { BUYER_ROLES, Role } from '@nuage/contracts';
import { defineLifecycle, registerActions } from '@nuage/platform';
import { PROPOSAL_STATUS_LABELS, ProposalStatus } from '../entities/proposal.js';

const { AWAITING_MANAGER, APPROVED, REJECTED_BY_MANAGER, ACCEPTED, REFUSED, WITHDRAWN, CLOSED } = ProposalStatus;
const OPEN = [AWAITING_MANAGER, APPROVED, REJECTED_BY_MANAGER];

/** What a client may do with a proposal: each value is the mutation it calls. */
export enum ProposalAction {
  APPROVE_PROPOSAL = 'APPROVE_PROPOSAL',
  REJECT_PROPOSAL = 'REJECT_PROPOSAL',
  ACCEPT_PROPOSAL = 'ACCEPT_PROPOSAL',
  REFUSE_PROPOSAL = 'REFUSE_PROPOSAL',
  REVISE_PROPOSAL = 'REVISE_PROPOSAL',
  WITHDRAW_PROPOSAL = 'WITHDRAW_PROPOSAL',
}
registerActions(ProposalAction, 'ProposalAction', 'a proposal');

/**
 * A proposal's lifecycle: the entity's manager approves or rejects it, then a buyer accepts or
 * refuses it; the supplier may revise (back to the manager) or withdraw it until it is accepted.
 */
export const PROPOSAL_LIFECYCLE = defineLifecycle({
  noun: { fr: 'cette proposition', en: 'this proposal' },
  states: PROPOSAL_STATUS_LABELS,
  transitions: {
    approve: {
      from: [AWAITING_MANAGER],
      to: APPROVED,
      by: [Role.MANAGER],
      verb: { fr: 'approuver', en: 'approve' },
      action: ProposalAction.APPROVE_PROPOSAL,
    },
    reject: {
      from: [AWAITING_MANAGER],
      to: REJECTED_BY_MANAGER,
      by: [Role.MANAGER],
      verb: { fr: 'rejeter', en: 'reject' },
      action: ProposalAction.REJECT_PROPOSAL,
    },
    accept: {
      from: [APPROVED],
      to: ACCEPTED,
      by: BUYER_ROLES,
      verb: { fr: 'accepter', en: 'accept' },
      action: ProposalAction.ACCEPT_PROPOSAL,
    },
    refuse: {
      from: [AWAITING_MANAGER, APPROVED],
      to: REFUSED,
      by: BUYER_ROLES,
      verb: { fr: 'refuser', en: 'refuse' },
      action: ProposalAction.REFUSE_PROPOSAL,
    },
    revise: {
      from: OPEN,
      to: AWAITING_MANAGER,
      by: [Role.SUPPLIER],
      verb: { fr: 'réviser', en: 'revise' },
      action: ProposalAction.REVISE_PROPOSAL,
    },
    withdraw: {
      from: OPEN,
      to: WITHDRAWN,
      by: [Role.SUPPLIER],
      verb: { fr: 'retirer', en: 'withdraw' },
      action: ProposalAction.WITHDRAW_PROPOSAL,
    },
    close: { from: OPEN, to: CLOSED, by: ['SYSTEM'], verb: { fr: 'clore', en: 'close' } },
  },
});
export type ProposalTransition = keyof typeof PROPOSAL_LIFECYCLE.transitions;
