import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { ensureDevKeys, ALGORITHM, AUDIENCE, ISSUER, type DevKeys } from './keys';
import { dataDir, repoRoot, schemaDir, SUBGRAPHS } from './paths';

export interface StackOptions {
  /** A PostgreSQL server URL; each subgraph gets its own database on it. */
  databaseUrl: string;
  databasePrefix?: string;
  /** 0 picks a free port. */
  gatewayPort: number;
  /** The first subgraph port; the others follow. 0 picks free ports. */
  firstSubgraphPort: number;
  keysDir: string;
  /** Where a service's log lines go (pino JSON lines): this process's output, nowhere, or a function (tests read them). */
  output?: 'inherit' | 'ignore' | ((line: string) => void);
  /** Where subgraphs keep files and local mail (`.data` by default). */
  dataDir?: string;
}

export interface RunningStack {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  keys: DevKeys;
  /** What the gateway signs identities with; also opens each service's `/metrics`. */
  internalSecret: string;
  stop: () => Promise<void>;
}

/** What a gateway process needs to know: the supergraph, where subgraphs listen, how to verify tokens. */
export function gatewayEnvironment(keys: DevKeys, subgraphUrls: Record<string, string>): Record<string, string> {
  return {
    SUPERGRAPH_PATH: `${schemaDir}/supergraph.graphql`,
    AUTH_PUBLIC_KEY_FILE: keys.publicKeyPath,
    AUTH_ALGORITHM: ALGORITHM,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    ...Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url]),
    ),
  };
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `/ready` until it answers 200; fails early if the process dies. */
export async function waitUntilReady(
  name: string,
  baseUrl: string,
  child: ChildProcess,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready.`);
    const ok = await fetch(`${baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s.`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the five subgraphs and the gateway, each in its own Node process, against an existing
 * PostgreSQL server. Used by `npm start`, the end-to-end tests and the benchmark.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const keys = await ensureDevKeys(options.keysDir);
  const internalSecret = process.env.INTERNAL_SECRET ?? randomBytes(32).toString('base64url');
  const prefix = options.databasePrefix ?? 'nuage';

  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  const launch = (entry: string, env: Record<string, string>) => {
    const output = options.output ?? 'inherit';
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      env: { ...process.env, ...env, INTERNAL_SECRET: internalSecret },
      stdio: ['ignore', typeof output === 'function' ? 'pipe' : output, 'inherit'],
    });
    if (typeof output === 'function') createInterface({ input: child.stdout! }).on('line', output);
    children.push(child);
    return child;
  };

  try {
    const subgraphUrls: Record<string, string> = {};
    const ports = await Promise.all(
      SUBGRAPHS.map((_, index) => (options.firstSubgraphPort ? options.firstSubgraphPort + index : freePort())),
    );
    // Every subgraph sends its events to all the others.
    const eventPeers = SUBGRAPHS.map((name, index) => `${name}=http://127.0.0.1:${ports[index]}`).join(',');
    await Promise.all(
      SUBGRAPHS.map(async (name, index) => {
        const port = ports[index]!;
        const child = launch(`subgraphs/${name}/src/main.ts`, {
          PORT: String(port),
          DATABASE_URL: options.databaseUrl,
          DATABASE_PREFIX: prefix,
          DATA_DIR: options.dataDir ?? dataDir,
          EVENT_PEERS: eventPeers,
        });
        await waitUntilReady(name, `http://127.0.0.1:${port}`, child);
        subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
      }),
    );
    const gatewayPort = options.gatewayPort || (await freePort());
    const gateway = launch('gateway/src/main.ts', {
      PORT: String(gatewayPort),
      ...gatewayEnvironment(keys, subgraphUrls),
    });
    await waitUntilReady('gateway', `http://127.0.0.1:${gatewayPort}`, gateway);
    return { gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, subgraphUrls, keys, internalSecret, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
