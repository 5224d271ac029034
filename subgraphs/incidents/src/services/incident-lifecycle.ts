import { defineLifecycle, Role } from '@nuage/shared';
import { IncidentStatus } from '../entities/incident';

const { DECLARED, TAKEN_IN_CHARGE, AWAITING_BENEFICIARY, RESOLVED, CLOSED, REJECTED } = IncidentStatus;
const HANDLERS = [Role.MARKET_HOLDER, Role.SUPPLIER] as const;
const BUYERS = [Role.BENEFICIARY, Role.MANAGER] as const;

/**
 * An incident's lifecycle: the market holder or the order's supplier take it in charge, ask the
 * beneficiary, resolve it; the beneficiary answers, confirms the resolution (closed) or reopens it;
 * the market holder may reject an unfounded one.
 */
export const INCIDENT_LIFECYCLE = defineLifecycle('incident', {
  takeInCharge: { from: [DECLARED], to: TAKEN_IN_CHARGE, by: HANDLERS },
  askBeneficiary: { from: [TAKEN_IN_CHARGE], to: AWAITING_BENEFICIARY, by: HANDLERS },
  answer: { from: [AWAITING_BENEFICIARY], to: TAKEN_IN_CHARGE, by: BUYERS },
  resolve: { from: [TAKEN_IN_CHARGE, AWAITING_BENEFICIARY], to: RESOLVED, by: HANDLERS },
  confirm: { from: [RESOLVED], to: CLOSED, by: BUYERS },
  reopen: { from: [RESOLVED], to: TAKEN_IN_CHARGE, by: BUYERS },
  reject: { from: [DECLARED, TAKEN_IN_CHARGE], to: REJECTED, by: [Role.MARKET_HOLDER] },
});
export type IncidentTransition = keyof typeof INCIDENT_LIFECYCLE.transitions;
