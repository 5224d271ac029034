import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/postgres.js';
// Only modules without workspace imports: vitest's global setup resolves packages as Node does (their build).
import { freePort } from '../src/ports.js';

import type {} from '@nuage/platform/testing';

/**
 * One real PostgreSQL for the whole run: DATABASE_URL when set, else an embedded server in a
 * temporary folder. Each test file then works in databases of its own (a unique prefix).
 */
export default async function setup(project: TestProject) {
  let postgres: RunningPostgres | undefined;
  let dir: string | undefined;
  if (process.env.DATABASE_URL) project.provide('databaseUrl', process.env.DATABASE_URL);
  else {
    dir = mkdtempSync(`${tmpdir()}/nuage-test-pg-`);
    postgres = await startEmbeddedPostgres(dir, await freePort());
    project.provide('databaseUrl', postgres.url);
  }
  return async () => {
    await postgres?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
