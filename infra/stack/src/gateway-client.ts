import type { Identity } from '@nuage/platform';
import { textOf, type Operation } from '@nuage/fixtures/graphql';
import type { TestStack } from './test-stack.js';

/** GraphQL requests to a gateway, each with a bearer token for its identity (none for null). */
export const gatewayQuery =
  (gatewayUrl: string, tokenFor: (identity: Identity) => Promise<string>): TestStack['query'] =>
  async (identity: Identity | null, query: Operation<unknown, never>, variables?: unknown) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(identity ? { authorization: `Bearer ${await tokenFor(identity)}` } : {}),
      },
      body: JSON.stringify({ query: textOf(query), variables }),
    });
    return response.json() as never;
  };

/**
 * Waits until nothing is in flight twice in a row (an event applied may publish the next one:
 * submitted → solicitation opened → …); a count that fails (a database restarting) counts as busy.
 */
export async function settleWhen(inFlight: () => Promise<number>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (let quiet = 0; quiet < 2; ) {
    const n = await inFlight().catch(() => -1);
    quiet = n === 0 ? quiet + 1 : 0;
    if (Date.now() > deadline) throw new Error(`Events still in flight after ${withinMs / 1000} s (${n}).`);
    await new Promise((resolve) => setTimeout(resolve, n === 0 ? 5 : 20));
  }
}
