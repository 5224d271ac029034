import { describe, expect, it } from 'vitest';
import { Role } from '@nuage/contracts';
import { outcomeOf } from '@nuage/platform/testing';
import { OrderStatus } from '../src/entities/order.js';
import { ProposalStatus } from '../src/entities/proposal.js';
import { InvoiceStatus } from '../src/entities/billing.js';
import { INVOICE_LIFECYCLE } from '../src/services/invoice-lifecycle.js';
import { ORDER_LIFECYCLE } from '../src/services/order-lifecycle.js';
import { PROPOSAL_LIFECYCLE } from '../src/services/proposal-lifecycle.js';

describe('the proposal lifecycle', () => {
  const P = ProposalStatus;
  it.each([
    [P.AWAITING_MANAGER, 'approve', Role.MANAGER, P.APPROVED],
    [P.AWAITING_MANAGER, 'approve', Role.BENEFICIARY, 'FORBIDDEN'],
    [P.AWAITING_MANAGER, 'reject', Role.MANAGER, P.REJECTED_BY_MANAGER],
    [P.AWAITING_MANAGER, 'accept', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [P.APPROVED, 'accept', Role.BENEFICIARY, P.ACCEPTED],
    [P.APPROVED, 'accept', Role.SUPPLIER, 'FORBIDDEN'],
    [P.APPROVED, 'refuse', Role.MANAGER, P.REFUSED],
    [P.REJECTED_BY_MANAGER, 'revise', Role.SUPPLIER, P.AWAITING_MANAGER],
    [P.ACCEPTED, 'revise', Role.SUPPLIER, 'INVALID_TRANSITION'],
    [P.ACCEPTED, 'withdraw', Role.SUPPLIER, 'INVALID_TRANSITION'],
    [P.APPROVED, 'withdraw', Role.SUPPLIER, P.WITHDRAWN],
    [P.APPROVED, 'close', 'SYSTEM', P.CLOSED],
    [P.REFUSED, 'close', 'SYSTEM', 'INVALID_TRANSITION'],
  ] as const)('%s --%s by %s--> %s', (from, transition, actor, expected) => {
    expect(outcomeOf(PROPOSAL_LIFECYCLE, from, transition, actor)).toBe(expected);
  });
});

describe('the order lifecycle', () => {
  const O = OrderStatus;
  it.each([
    [O.AWAITING_VALIDATION, 'validate', Role.UGAP, O.TO_DELIVER],
    [O.AWAITING_VALIDATION, 'validate', Role.MARKET_HOLDER, 'FORBIDDEN'],
    [O.AWAITING_VALIDATION, 'deliverAll', Role.SUPPLIER, 'INVALID_TRANSITION'],
    [O.TO_DELIVER, 'deliverPart', Role.SUPPLIER, O.TO_DELIVER],
    [O.TO_DELIVER, 'deliverAll', Role.SUPPLIER, O.DELIVERED],
    [O.DELIVERED, 'openServices', Role.SUPPLIER, O.SERVICES_OPENED],
    // Not on a partial delivery: the rest would be left undeliverable.
    [O.TO_DELIVER, 'openServices', Role.SUPPLIER, 'INVALID_TRANSITION'],
    [O.AWAITING_VALIDATION, 'cancel', Role.UGAP, O.CANCELLED],
    [O.AWAITING_VALIDATION, 'openServices', Role.SUPPLIER, 'INVALID_TRANSITION'],
    [O.SERVICES_OPENED, 'validateActivation', Role.BENEFICIARY, O.ACTIVATED],
    [O.ACTIVATED, 'validateActivation', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [O.SERVICES_OPENED, 'validateActivation', Role.SUPPLIER, 'FORBIDDEN'],
    [O.SERVICES_OPENED, 'reportProblem', Role.MANAGER, O.ACTIVATION_DISPUTED],
    [O.ACTIVATION_DISPUTED, 'openServices', Role.SUPPLIER, O.SERVICES_OPENED],
    [O.TO_DELIVER, 'cancel', Role.UGAP, 'INVALID_TRANSITION'],
  ] as const)('%s --%s by %s--> %s', (from, transition, actor, expected) => {
    expect(outcomeOf(ORDER_LIFECYCLE, from, transition, actor)).toBe(expected);
  });
});

describe('the invoice lifecycle', () => {
  const I = InvoiceStatus;
  it.each([
    [I.SCHEDULED, 'issue', Role.UGAP, I.ISSUED],
    [I.SCHEDULED, 'issue', Role.MARKET_HOLDER, 'FORBIDDEN'],
    [I.SCHEDULED, 'pay', Role.UGAP, 'INVALID_TRANSITION'],
    [I.ISSUED, 'pay', Role.UGAP, I.PAID],
    [I.ISSUED, 'pay', Role.BENEFICIARY, 'FORBIDDEN'],
    // A disputed invoice waits for the dispute: it cannot be paid while suspended.
    [I.ISSUED, 'suspend', 'SYSTEM', I.SUSPENDED],
    [I.ISSUED, 'suspend', Role.UGAP, 'FORBIDDEN'],
    [I.SUSPENDED, 'pay', Role.UGAP, 'INVALID_TRANSITION'],
    [I.SUSPENDED, 'release', 'SYSTEM', I.ISSUED],
    [I.PAID, 'suspend', 'SYSTEM', 'INVALID_TRANSITION'],
    [I.SUSPENDED, 'cancel', Role.UGAP, I.CANCELLED],
    [I.PAID, 'cancel', Role.UGAP, 'INVALID_TRANSITION'],
    [I.CANCELLED, 'issue', Role.UGAP, 'INVALID_TRANSITION'],
  ] as const)('%s --%s by %s--> %s', (from, transition, actor, expected) => {
    expect(outcomeOf(INVOICE_LIFECYCLE, from, transition, actor)).toBe(expected);
  });
});
