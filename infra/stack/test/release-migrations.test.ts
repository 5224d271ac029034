import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { devKeysEnvironment } from '@nuage/platform/dev-keys';
import { childExecArgv, entryOf } from '@nuage/platform/runtime';
import { freePort } from '../src/ports.js';
import { repoRoot } from '../src/paths.js';
import { stopChild, waitUntilReady } from '../src/stack.js';

/**
 * A release's migration step as Kubernetes runs it: `<subgraph> migrate` in an init container,
 * then the service with `DATABASE_MIGRATE_ON_START=off` — real processes on a fresh database.
 */
const environment = {
  ...process.env,
  ...devKeysEnvironment(),
  DATABASE_URL: inject('databaseUrl'),
  DATABASE_PREFIX: `rel${randomBytes(4).toString('hex')}`,
  DATABASE_MIGRATE_ON_START: 'off',
  LOG_LEVEL: 'error',
};
const incidents = (args: string[], port: number) =>
  spawn(process.execPath, [...childExecArgv, entryOf('subgraphs/incidents', 'main'), ...args], {
    cwd: repoRoot,
    env: { ...environment, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const finished = (child: ReturnType<typeof incidents>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });

let service: ReturnType<typeof incidents> | undefined;
afterAll(async () => {
  if (service) await stopChild(service);
});

describe('migrations run once per release, before the service starts', () => {
  it('a subgraph told not to migrate refuses to start on a database its release has not migrated, naming what is pending', async () => {
    const { code, output } = await finished(incidents([], await freePort()));
    expect(code).not.toBe(0);
    expect(output).toMatch(/incidents: \d+ migration\(s\) not applied yet \(Migration\d+/);
  });

  it('`migrate` applies them and exits, after which the service starts without migrating', async () => {
    const migrated = await finished(incidents(['migrate'], await freePort()));
    expect(migrated.code).toBe(0);
    const port = await freePort();
    service = incidents([], port);
    await waitUntilReady('incidents', `http://127.0.0.1:${port}`, () => service, 60_000);
    const types = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(types.status).toBe(200);
  });
});
