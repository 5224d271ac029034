import { BUYER_ROLES, Role } from '@nuage/contracts';
import { defineLifecycle } from '@nuage/platform';
import { INCIDENT_STATUS_LABELS, IncidentStatus } from '../entities/incident.js';

const { DECLARED, TAKEN_IN_CHARGE, AWAITING_BENEFICIARY, RESOLVED, CLOSED, REJECTED } = IncidentStatus;
const HANDLERS = [Role.MARKET_HOLDER, Role.SUPPLIER] as const;

/** A step a client asks for with `moveIncident(transition: …)`. */
export enum IncidentTransition {
  TAKE_IN_CHARGE = 'TAKE_IN_CHARGE',
  ASK_BENEFICIARY = 'ASK_BENEFICIARY',
  ANSWER = 'ANSWER',
  RESOLVE = 'RESOLVE',
  CONFIRM = 'CONFIRM',
  REOPEN = 'REOPEN',
  REJECT = 'REJECT',
}

/**
 * An incident's lifecycle: the market holder or the order's supplier take it in charge, ask the
 * beneficiary, resolve it; the beneficiary answers, confirms the resolution (closed) or reopens it;
 * the market holder may reject an unfounded one. Its keys name the steps in the history.
 */
export const INCIDENT_LIFECYCLE = defineLifecycle({
  noun: { fr: 'cet incident', en: 'this incident' },
  states: INCIDENT_STATUS_LABELS,
  transitions: {
    takeInCharge: {
      from: [DECLARED],
      to: TAKEN_IN_CHARGE,
      by: HANDLERS,
      verb: { fr: 'prendre en charge', en: 'take in charge' },
      action: IncidentTransition.TAKE_IN_CHARGE,
    },
    askBeneficiary: {
      from: [TAKEN_IN_CHARGE],
      to: AWAITING_BENEFICIARY,
      by: HANDLERS,
      verb: { fr: 'demander une information au bénéficiaire sur', en: 'ask the beneficiary about' },
      action: IncidentTransition.ASK_BENEFICIARY,
    },
    answer: {
      from: [AWAITING_BENEFICIARY],
      to: TAKEN_IN_CHARGE,
      by: BUYER_ROLES,
      verb: { fr: 'répondre sur', en: 'answer on' },
      action: IncidentTransition.ANSWER,
    },
    resolve: {
      from: [TAKEN_IN_CHARGE, AWAITING_BENEFICIARY],
      to: RESOLVED,
      by: HANDLERS,
      verb: { fr: 'résoudre', en: 'resolve' },
      action: IncidentTransition.RESOLVE,
    },
    // The market holder or UGAP stated a credit in ordering: the credit note resolves the incident.
    resolveByCredit: {
      from: [DECLARED, TAKEN_IN_CHARGE, AWAITING_BENEFICIARY],
      to: RESOLVED,
      by: ['SYSTEM'],
      verb: { fr: 'résoudre par un avoir', en: 'resolve with a credit note' },
    },
    confirm: {
      from: [RESOLVED],
      to: CLOSED,
      by: BUYER_ROLES,
      verb: { fr: 'confirmer la résolution de', en: 'confirm the resolution of' },
      action: IncidentTransition.CONFIRM,
    },
    reopen: {
      from: [RESOLVED],
      to: TAKEN_IN_CHARGE,
      by: BUYER_ROLES,
      verb: { fr: 'rouvrir', en: 'reopen' },
      action: IncidentTransition.REOPEN,
    },
    reject: {
      from: [DECLARED, TAKEN_IN_CHARGE],
      to: REJECTED,
      by: [Role.MARKET_HOLDER],
      verb: { fr: 'rejeter', en: 'reject' },
      action: IncidentTransition.REJECT,
    },
  },
});
export type IncidentStep = keyof typeof INCIDENT_LIFECYCLE.transitions;

/** The step of the lifecycle a client's transition names. */
export const stepOf = (transition: IncidentTransition): IncidentStep =>
  (Object.keys(INCIDENT_LIFECYCLE.transitions) as IncidentStep[]).find(
    (step) => INCIDENT_LIFECYCLE.transitions[step].action === transition,
  )!;
