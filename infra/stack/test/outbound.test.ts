import { spawn } from 'node:child_process';
import { childExecArgv } from '@nuage/platform/runtime';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIdentity } from '@nuage/fixtures';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { freePort, gatewayEnvironment, stopChild, waitUntilReady } from '../src/stack.js';
import { ensureDevKeys, signToken } from '../src/keys.js';
import { repoRoot } from '../src/paths.js';

/**
 * A public body's platform sends nothing outside unless its operator says so: the gateway process,
 * as `npm start` runs it, attempts no connection and no name lookup other than to its subgraphs.
 * Seen from the process: a preloaded probe records every attempt (and stops any that would leave
 * the machine, so the control run sends nothing either).
 */
let stack: TestStack;
const PROBE = fileURLToPath(new URL('./fixtures/record-connections.mjs', import.meta.url));

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

async function gatewayAttempts(
  extraEnv: Record<string, string>,
): Promise<{ kind: string; host: string; port: number | null }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-outbound-'));
  const log = join(dir, 'attempts.jsonl');
  const keys = await ensureDevKeys(join(dir, 'auth'));
  const subgraphUrls = Object.fromEntries(
    Object.entries(stack.subgraphs).map(([name, running]) => [name, running.url]),
  );
  const port = await freePort();
  // The environment `npm start` gives the gateway (this process's own switch, set by the in-process gateway, left out).
  const { APOLLO_TELEMETRY_DISABLED: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...childExecArgv, '--import', PROBE, 'gateway/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...inherited,
      ...gatewayEnvironment(keys, subgraphUrls),
      ...extraEnv,
      PORT: String(port),
      ...stack.keysEnvironment,
      RECORD_CONNECTIONS_TO: log,
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
  });
  try {
    await waitUntilReady('gateway', `http://127.0.0.1:${port}`, () => child);
    const token = await signToken(keys, seededIdentity('analyst'));
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { name } brands { totalCount } }' }),
    });
    expect((await response.json()).data.brands.totalCount).toBe(15);
    // Cloud detectors run in the background once the gateway is built: leave them time to try.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  } finally {
    await stopChild(child);
  }
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
}

describe('the gateway process', () => {
  it('connects to its subgraphs only: no telemetry, no cloud metadata, no name lookup', async () => {
    const subgraphPorts = new Set(Object.values(stack.subgraphs).map((running) => running.port));
    const attempts = await gatewayAttempts({});
    expect(attempts.filter((a) => a.kind === 'connect').length).toBeGreaterThan(0);
    const toSubgraph = (a: { kind: string; host: string; port: number | null }) =>
      a.host === '127.0.0.1' && (a.kind === 'lookup' || subgraphPorts.has(Number(a.port)));
    const elsewhere = attempts.filter((a) => !toSubgraph(a));
    expect(elsewhere).toEqual([]);
  });

  it('would call out if the operator turned Apollo telemetry on (the probe sees it, and stops it)', async () => {
    const attempts = await gatewayAttempts({ APOLLO_TELEMETRY_ENABLED: 'true' });
    expect(attempts.some((a) => a.host !== '127.0.0.1' && a.host !== 'localhost')).toBe(true);
  });
});
