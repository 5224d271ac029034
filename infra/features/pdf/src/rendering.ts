import { Piscina } from 'piscina';
import { GraphQLError } from 'graphql';
import { SERVICE_UNAVAILABLE } from '@nuage/contracts';
import { childExecArgv, runningFromSources } from '@nuage/platform/runtime';

/** A document taking longer than this to lay out is abandoned (its worker is terminated). */
export const RENDERING_TIMEOUT_MS = 20_000;

/**
 * Renders documents in a worker thread, so that a slow layout never blocks the service's event
 * loop (its other requests, its /ready, its shutdown): `worker` names a module, without its
 * extension, whose default export turns plain, cloneable data into PDF bytes. One thread per service (the machine has few cores),
 * started on first use and stopped when idle; a render past {@link RENDERING_TIMEOUT_MS} fails.
 */
export function documentRenderer<T>(
  worker: URL,
  timeoutMs = RENDERING_TIMEOUT_MS,
): { render: (data: T) => Promise<Buffer>; close: () => Promise<void> } {
  let pool: Piscina | undefined;
  const start = () =>
    new Piscina({
      filename: `${worker.href}${runningFromSources ? '.ts' : '.js'}`,
      maxThreads: 1,
      idleTimeout: 60_000,
      maxQueue: 100,
      execArgv: childExecArgv,
    });
  return {
    render: async (data) => {
      pool ??= start();
      try {
        return Buffer.from(await pool.run(data, { signal: AbortSignal.timeout(timeoutMs) }));
      } catch (error) {
        if ((error as Error).name !== 'AbortError') throw error;
        throw new GraphQLError('A document took too long to prepare; try again later.', {
          extensions: { code: SERVICE_UNAVAILABLE },
        });
      }
    },
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
