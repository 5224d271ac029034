import { DomainError, ErrorCode, forbidden } from './errors';
import type { Role } from './identity';

/** Who may take a transition: people of these roles, or the system (an event from another subgraph). */
export type Actor = Role | 'SYSTEM';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  by: readonly Actor[];
}

/**
 * A lifecycle written as data: its transitions, each with the states it starts from, the state it
 * leads to and who may take it. `take` is the one function that applies a transition.
 */
export interface Lifecycle<S extends string, T extends string> {
  /** What the lifecycle is of, for messages ("request", "proposal"…). */
  noun: string;
  transitions: Record<T, Transition<S>>;
}

export function defineLifecycle<S extends string, T extends string>(noun: string, transitions: Record<T, Transition<S>>): Lifecycle<S, T> {
  return { noun, transitions };
}

/**
 * The state after `transition` from `current` by `actor`; a transition out of turn is
 * INVALID_TRANSITION, one by the wrong actor FORBIDDEN. Nothing is changed by a refusal.
 */
export function take<S extends string, T extends string>(lifecycle: Lifecycle<S, T>, current: S, transition: T, actor: Actor): S {
  const rule = lifecycle.transitions[transition];
  if (!rule.by.includes(actor)) throw forbidden(`A ${actor} may not ${transition} a ${lifecycle.noun}.`);
  if (!rule.from.includes(current)) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `A ${lifecycle.noun} that is ${current} cannot be ${transition === 'cancel' ? 'cancelled' : `taken through "${transition}"`}; it must be ${rule.from.join(' or ')}.`);
  }
  return rule.to;
}

/** The transitions an actor may take from a state (what a user interface offers). */
export function available<S extends string, T extends string>(lifecycle: Lifecycle<S, T>, current: S, actor: Actor): T[] {
  return (Object.entries(lifecycle.transitions) as [T, Transition<S>][]).filter(([, rule]) => rule.from.includes(current) && rule.by.includes(actor)).map(([name]) => name);
}
