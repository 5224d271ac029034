import { describe, expect, it } from 'vitest';
import { available } from '@nuage/platform';
import { outcomeOf } from '@nuage/platform/testing';
import { Role } from '@nuage/contracts';
import { RequestStatus } from '../src/entities/request.js';
import { REQUEST_LIFECYCLE, type RequestTransition } from '../src/services/request-lifecycle.js';

const { DRAFT, SENT, AWAITING_PROVIDER, PROPOSALS_RECEIVED, ORDERED, CLOSED, CANCELLED } = RequestStatus;
type Row = [RequestStatus, RequestTransition, Role | 'SYSTEM', RequestStatus | 'INVALID_TRANSITION' | 'FORBIDDEN'];

const outcome = (from: RequestStatus, transition: RequestTransition, actor: Role | 'SYSTEM') =>
  outcomeOf(REQUEST_LIFECYCLE, from, transition, actor);

describe('the request lifecycle', () => {
  it.each<Row>([
    [DRAFT, 'submit', Role.BENEFICIARY, SENT],
    [DRAFT, 'submit', Role.MANAGER, SENT],
    [DRAFT, 'submit', Role.SUPPLIER, 'FORBIDDEN'],
    [SENT, 'submit', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [SENT, 'solicit', 'SYSTEM', AWAITING_PROVIDER],
    [SENT, 'solicit', Role.MARKET_HOLDER, 'FORBIDDEN'],
    [AWAITING_PROVIDER, 'receiveProposal', 'SYSTEM', PROPOSALS_RECEIVED],
    [SENT, 'receiveProposal', 'SYSTEM', PROPOSALS_RECEIVED],
    [PROPOSALS_RECEIVED, 'receiveProposal', 'SYSTEM', PROPOSALS_RECEIVED],
    [PROPOSALS_RECEIVED, 'order', 'SYSTEM', ORDERED],
    [AWAITING_PROVIDER, 'order', 'SYSTEM', 'INVALID_TRANSITION'],
    [ORDERED, 'close', Role.BENEFICIARY, CLOSED],
    [ORDERED, 'close', Role.MARKET_HOLDER, CLOSED],
    [PROPOSALS_RECEIVED, 'close', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [DRAFT, 'cancel', Role.BENEFICIARY, CANCELLED],
    [AWAITING_PROVIDER, 'cancel', Role.MARKET_HOLDER, CANCELLED],
    [PROPOSALS_RECEIVED, 'cancel', Role.MANAGER, CANCELLED],
    [ORDERED, 'cancel', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [CANCELLED, 'cancel', Role.BENEFICIARY, 'INVALID_TRANSITION'],
    [SENT, 'cancel', Role.ANALYST, 'FORBIDDEN'],
    [CLOSED, 'submit', Role.BENEFICIARY, 'INVALID_TRANSITION'],
  ])('%s --%s by %s--> %s', (from, transition, actor, expected) => {
    expect(outcome(from, transition, actor)).toBe(expected);
  });

  it('offers each actor only what it may do now', () => {
    expect(available(REQUEST_LIFECYCLE, DRAFT, Role.BENEFICIARY)).toEqual([
      'UPDATE_REQUEST_DRAFT',
      'SUBMIT_REQUEST',
      'CANCEL_REQUEST',
    ]);
    expect(available(REQUEST_LIFECYCLE, ORDERED, Role.MARKET_HOLDER)).toEqual(['CLOSE_REQUEST']);
    expect(available(REQUEST_LIFECYCLE, CANCELLED, Role.BENEFICIARY)).toEqual([]);
  });
});
