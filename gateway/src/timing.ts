import type { ApolloServerPlugin } from '@apollo/server';

/** Where a request's time goes: when the gateway took it, and each subgraph fetch's interval. */
export interface RequestTiming {
  start: number;
  fetches: Array<[start: number, end: number]>;
}

export const startTiming = (): RequestTiming => ({ start: performance.now(), fetches: [] });

/**
 * The time at least one subgraph fetch was in flight: the subgraphs' share of the critical path
 * (fetches of one plan stage overlap; stages follow each other).
 */
export function fetchTimeOnCriticalPath(fetches: RequestTiming['fetches']): number {
  const sorted = [...fetches].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = sorted[0] ?? [0, 0];
  for (const [start, end] of sorted.slice(1)) {
    if (start > to) {
      total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  return total + (to - from);
}

/** Running totals, for `/metrics`: the benchmark divides the gateway's time by the subgraphs'. */
export interface FederationTotals {
  operations: number;
  gatewayMs: number;
  subgraphCriticalPathMs: number;
  subgraphFetches: number;
}

/**
 * Answers each operation with a `Server-Timing` header (total time in the gateway, subgraph time
 * on the critical path) and adds both to the totals.
 */
export function federationTiming(totals: FederationTotals): ApolloServerPlugin<{ timing: RequestTiming }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { timing } = contextValue;
          const gateway = performance.now() - timing.start;
          const subgraphs = fetchTimeOnCriticalPath(timing.fetches);
          totals.operations += 1;
          totals.gatewayMs += gateway;
          totals.subgraphCriticalPathMs += subgraphs;
          totals.subgraphFetches += timing.fetches.length;
          response.http.headers.set(
            'server-timing',
            `gateway;dur=${gateway.toFixed(2)}, subgraphs;dur=${subgraphs.toFixed(2)};desc="critical path"`,
          );
        },
      };
    },
  };
}
