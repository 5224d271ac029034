import { registerEnumType } from 'type-graphql';
import { forbidden, invalidTransition } from './errors.js';
import { type Bilingual, type Role, ROLE_LABELS } from '@nuage/contracts';
import { assertRole } from './access.js';
import type { Identity } from './identity.js';

/** Who may take a transition: people of these roles, or the system (an event from another subgraph). */
export type Actor = Role | 'SYSTEM';

export interface Transition<S extends string, A extends string> {
  from: readonly S[];
  to: S;
  by: readonly Actor[];
  /** The verb, for messages: "soumettre" / "submit". */
  verb: Bilingual;
  /** What a client calls to take it (an `…Action` enum value); none for the system's own steps. */
  action?: A;
}

/**
 * A lifecycle written as data: its states with their labels, its transitions, each with the states
 * it starts from, the state it leads to, who may take it and the action a client calls for it.
 * `take` is the one function that applies a transition.
 */
export interface Lifecycle<S extends string, T extends string, A extends string> {
  /** What the lifecycle is of, for messages: "cette demande" / "this request". */
  noun: Bilingual;
  states: Record<S, Bilingual>;
  transitions: Record<T, Transition<S, A>>;
}

export function defineLifecycle<S extends string, T extends string, A extends string = never>(
  lifecycle: Lifecycle<S, T, A>,
): Lifecycle<S, T, A> {
  return lifecycle;
}

const quoted = (labels: Bilingual[], lang: keyof Bilingual, or: string) =>
  labels.map((l) => (lang === 'fr' ? `« ${l.fr} »` : `"${l.en}"`)).join(or);

/**
 * The state after `transition` from `current` by `actor`; a transition out of turn is
 * INVALID_TRANSITION, one by the wrong actor FORBIDDEN. Nothing is changed by a refusal.
 */
export function take<S extends string, T extends string, A extends string>(
  lifecycle: Lifecycle<S, T, A>,
  current: S,
  transition: T,
  actor: Actor,
): S {
  const rule = lifecycle.transitions[transition];
  const { noun, states } = lifecycle;
  if (!rule.by.includes(actor)) {
    const role = actor === 'SYSTEM' ? { fr: 'système', en: 'system' } : ROLE_LABELS[actor];
    throw forbidden({
      fr: `Votre rôle (${role.fr}) ne permet pas de ${rule.verb.fr} ${noun.fr}.`,
      en: `Your role (${role.en}) may not ${rule.verb.en} ${noun.en}.`,
    });
  }
  if (!rule.from.includes(current)) {
    const allowed = rule.from.map((s) => states[s]);
    throw invalidTransition({
      fr: `Impossible de ${rule.verb.fr} ${noun.fr} : son statut est « ${states[current].fr} » ; il faut ${quoted(allowed, 'fr', ' ou ')}.`,
      en: `Cannot ${rule.verb.en} ${noun.en}: it is "${states[current].en}"; it must be ${quoted(allowed, 'en', ' or ')}.`,
    });
  }
  return rule.to;
}

/**
 * FORBIDDEN unless the caller's role may take this transition (whatever the state): checked
 * before anything is read, so that a role the transition is not for learns nothing more.
 */
export function assertMayTake<S extends string, T extends string, A extends string>(
  lifecycle: Lifecycle<S, T, A>,
  transition: T,
  caller: Identity,
): void {
  assertRole(
    caller,
    lifecycle.transitions[transition].by.filter((actor): actor is Role => actor !== 'SYSTEM'),
  );
}

/** The actions an actor may take from a state (what a user interface offers), each once. */
export function available<S extends string, T extends string, A extends string>(
  lifecycle: Lifecycle<S, T, A>,
  current: S,
  actor: Actor,
): A[] {
  const actions = Object.values<Transition<S, A>>(lifecycle.transitions)
    .filter((rule) => rule.action && rule.from.includes(current) && rule.by.includes(actor))
    .map((rule) => rule.action!);
  return [...new Set(actions)];
}

/** Whether a transition may be taken now by this actor (for the system's own steps, from events). */
export const allows = <S extends string, T extends string, A extends string>(
  lifecycle: Lifecycle<S, T, A>,
  current: S,
  transition: T,
  actor: Actor,
) => lifecycle.transitions[transition].from.includes(current) && lifecycle.transitions[transition].by.includes(actor);

/** `DECLARE_SERVICES_OPEN` → `declareServicesOpen`: the mutation an action value names. */
export const mutationOf = (action: string) =>
  action.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Registers a type's `…Action` enum: what a client may do with it now, each value named after the
 * mutation it calls (`DECLARE_SERVICES_OPEN` → `declareServicesOpen`).
 */
export function registerActions(actions: Record<string, string>, name: string, noun: string) {
  registerEnumType(actions, {
    name,
    description: `What the caller may do with ${noun} now: each value names the mutation to call.`,
    valuesConfig: Object.fromEntries(
      Object.keys(actions).map((action) => [action, { description: `Call \`${mutationOf(action)}\`.` }]),
    ),
  });
}
