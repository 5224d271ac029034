import { describe, expect, it } from 'vitest';
import { Role } from '@nuage/contracts';
import { outcomeOf } from '@nuage/platform/testing';
import { IncidentStatus } from '../src/entities/incident.js';
import { INCIDENT_LIFECYCLE } from '../src/services/incident-lifecycle.js';

const I = IncidentStatus;

describe('the incident lifecycle', () => {
  it.each([
    [I.DECLARED, 'takeInCharge', Role.SUPPLIER, I.TAKEN_IN_CHARGE],
    [I.DECLARED, 'takeInCharge', Role.MARKET_HOLDER, I.TAKEN_IN_CHARGE],
    [I.DECLARED, 'takeInCharge', Role.BENEFICIARY, 'FORBIDDEN'],
    [I.TAKEN_IN_CHARGE, 'askBeneficiary', Role.SUPPLIER, I.AWAITING_BENEFICIARY],
    [I.AWAITING_BENEFICIARY, 'answer', Role.BENEFICIARY, I.TAKEN_IN_CHARGE],
    [I.AWAITING_BENEFICIARY, 'answer', Role.SUPPLIER, 'FORBIDDEN'],
    [I.TAKEN_IN_CHARGE, 'resolve', Role.MARKET_HOLDER, I.RESOLVED],
    [I.DECLARED, 'resolve', Role.SUPPLIER, 'INVALID_TRANSITION'],
    [I.RESOLVED, 'confirm', Role.MANAGER, I.CLOSED],
    [I.RESOLVED, 'reopen', Role.BENEFICIARY, I.TAKEN_IN_CHARGE],
    [I.CLOSED, 'reopen', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [I.DECLARED, 'reject', Role.MARKET_HOLDER, I.REJECTED],
    [I.DECLARED, 'reject', Role.SUPPLIER, 'FORBIDDEN'],
    [I.RESOLVED, 'reject', Role.MARKET_HOLDER, 'INVALID_TRANSITION'],
  ] as const)('%s --%s by %s--> %s', (from, transition, actor, expected) => {
    expect(outcomeOf(INCIDENT_LIFECYCLE, from, transition, actor)).toBe(expected);
  });
});
