import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { freePort, repoRoot } from '@nuage/stack';
import { median, table } from './report.js';

function groupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `npm start` as a developer does, and resolves once it says it is ready: how long that took, and what it said. */
function timedStart(env: NodeJS.ProcessEnv): Promise<{ ms: number; said: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Stopped once every process of its group is gone (the database too), so the next start finds
    // its ports free.
    const stop = async () => {
      process.kill(-child.pid!, 'SIGTERM');
      while (groupAlive(child.pid!)) await new Promise((wait) => setTimeout(wait, 50));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const said = /Nuage Public is ready in ([\d.]+ s)/.exec(output);
      if (said) resolve({ ms: performance.now() - started, said: said[1]!, stop });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-2000)}`)),
    );
  });
}

/**
 * `npm run bench -- cold-start`: `npm start` to "ready" with existing data (the build cached, the
 * database already migrated and seeded), three times after a first start that creates them.
 */
export async function benchColdStart(): Promise<string[]> {
  const dataDir = mkdtempSync(`${tmpdir()}/nuage-cold-start-`);
  // Traversable by the database's own user (embedded PostgreSQL drops root's rights).
  chmodSync(dataDir, 0o755);
  // Five consecutive subgraph ports after the gateway's.
  const gatewayPort = await freePort();
  const env = {
    ...process.env,
    // As a developer starts it (the bench itself logs warnings only).
    LOG_LEVEL: 'info',
    NUAGE_DATA_DIR: dataDir,
    PG_PORT: String(await freePort()),
    PORT: String(gatewayPort),
    SUBGRAPH_PORT: String(40_000 + (gatewayPort % 20_000)),
  };
  const runs: { ms: number; said: string }[] = [];
  try {
    for (let round = 0; round < 4; round++) {
      const run = await timedStart(env);
      await run.stop();
      if (round > 0) runs.push(run);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const times = runs.map((run) => run.ms);
  return [
    '\nCold start: `npm start` to "Nuage Public is ready", existing data and build (3 runs after a first)',
    table(
      [40, 10, 10, 10],
      [
        ['', 'min ms', 'median ms', 'max ms'],
        [
          'command to ready (npm, build check, runner)',
          ...[Math.min(...times), median(times), Math.max(...times)].map((t) => t.toFixed(0)),
        ],
      ],
    ),
    `The runner's own count, from its start: ${runs.map((run) => run.said).join(', ')}.`,
  ];
}
