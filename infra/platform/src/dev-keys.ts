import { randomBytes } from 'node:crypto';

/** The three kinds of keys, each set on its own (README, "Configuration"). */
export const KEY_VARIABLES = ['IDENTITY_SIGNING_KEYS', 'EVENT_SIGNING_KEYS', 'METRICS_TOKENS'] as const;
export type KeysEnvironment = Record<(typeof KEY_VARIABLES)[number], string>;

/**
 * The keys of a development stack or a test: those of the environment when set, fresh random ones
 * otherwise (each `npm start` has its own, and nothing secret is written to disk). A module of its
 * own, so the stack runner reads it without loading the platform.
 */
export function devKeysEnvironment(env: NodeJS.ProcessEnv = {}): KeysEnvironment {
  return Object.fromEntries(
    KEY_VARIABLES.map((name) => [name, env[name] || randomBytes(32).toString('base64url')]),
  ) as KeysEnvironment;
}
