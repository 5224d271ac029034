import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ensureDevKeys, ALGORITHM, AUDIENCE, ISSUER, type DevKeys } from './keys.js';
import { compileCacheDir, dataDir, repoRoot, schemaDir, SUBGRAPHS } from './paths.js';
import { freePort } from './ports.js';
import { roundRobin } from './round-robin.js';
import { HEALTHY_AFTER_MS, notice, restartDelayMs } from './supervision.js';
import { childExecArgv, entryOf } from '@nuage/platform/runtime';
import { devKeysEnvironment, type KeysEnvironment } from '@nuage/platform/dev-keys';

export { freePort };

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
  /** Where subgraphs keep local mail (`.data` by default). */
  dataDir?: string;
  /** More settings for the subgraphs (the fault tests shorten retries). */
  environment?: Record<string, string>;
  /** More settings for the gateway (the benchmark lifts the callers' rate limits). */
  gatewayEnvironment?: Record<string, string>;
  /**
   * Processes per service (1 by default). With more, each service's address is a round-robin
   * listener over its replicas, as a Kubernetes Service: the scale-out benchmark runs two of each.
   */
  replicas?: number;
  /**
   * Runs the services' build (`dist/`, plain node, as deployed) even when this process runs from
   * the sources: the benchmark measures what production runs, without the TypeScript loader's hooks.
   */
  fromBuild?: boolean;
}

/** A service of the stack, supervised: restarted when it exits unexpectedly. */
export interface SupervisedService {
  name: string;
  /** Stops it for good (no restart) until `start`. */
  stop: () => Promise<void>;
  /** Starts it again after `stop`, and waits until it is ready. */
  start: () => Promise<void>;
}

export interface RunningStack {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The subgraphs and the gateway, by name (`ordering`, or `ordering-1`, `ordering-2` with replicas). */
  services: Record<string, SupervisedService>;
  /** Where each replica of each service answers itself, by service (one address without replicas). */
  replicaUrls: Record<string, string[]>;
  keys: DevKeys;
  /** The keys every service was given (`IDENTITY_SIGNING_KEYS`, `EVENT_SIGNING_KEYS`, `METRICS_TOKENS`), for another process of the stack. */
  keysEnvironment: KeysEnvironment;
  /** Opens each service's `/metrics`. */
  metricsToken: string;
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

/** Polls `/ready` until it answers 200; fails early if the process dies. */
export async function waitUntilReady(
  name: string,
  baseUrl: string,
  child: () => ChildProcess | undefined,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exitCode = child()?.exitCode ?? null;
    if (exitCode !== null) throw new Error(`${name} exited with code ${exitCode} before it was ready.`);
    const ok = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
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
 * Runs a service's process and, once it has been ready, starts it again when it exits unexpectedly
 * (a crash, a kill): after 0.5 s, then longer and longer while it keeps failing. One that exits
 * before it is ready is not restarted (its settings are wrong): `start` fails with its exit code.
 */
function supervise(name: string, spawnIt: () => ChildProcess, baseUrl: string): SupervisedService {
  let child: ChildProcess | undefined;
  let stopped = true;
  let wasReady = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    const startedAt = Date.now();
    child = spawnIt();
    child.once('exit', (code, signal) => {
      if (stopped || !wasReady) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) restarts = 0;
      const delay = restartDelayMs(restarts++);
      notice(`${name} exited (${signal ?? `code ${code}`}); starting it again in ${delay} ms.`);
      timer = setTimeout(run, delay);
    });
  };
  return {
    name,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (child) await stopChild(child);
    },
    start: async () => {
      stopped = false;
      restarts = 0;
      run();
      await waitUntilReady(name, baseUrl, () => child);
      wasReady = true;
    },
  };
}

/**
 * Starts the five subgraphs and the gateway, each in its own Node process and supervised, against
 * an existing PostgreSQL server. Used by `npm start`, the end-to-end and fault tests and the benchmark.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const keys = await ensureDevKeys(options.keysDir);
  const keysEnvironment = devKeysEnvironment(process.env);
  const prefix = options.databasePrefix ?? 'nuage';

  const services: Record<string, SupervisedService> = {};
  const listeners: { close: () => Promise<void> }[] = [];
  const replicaUrls: Record<string, string[]> = {};
  const replicas = options.replicas ?? 1;
  const stop = async () => {
    await Promise.all(listeners.map((listener) => listener.close()));
    await Promise.all(Object.values(services).map((service) => service.stop()));
  };
  const entryFile = (workspace: string) =>
    options.fromBuild ? `${workspace}/dist/main.js` : entryOf(workspace, 'main');
  const execArgv = options.fromBuild ? [] : childExecArgv;
  const launchOne = async (name: string, entry: string, env: Record<string, string>, port: number) => {
    const output = options.output ?? 'inherit';
    const service = supervise(
      name,
      () => {
        const child = spawn(process.execPath, [...execArgv, entry], {
          cwd: repoRoot,
          env: {
            ...process.env,
            NODE_COMPILE_CACHE: compileCacheDir,
            ...keysEnvironment,
            ...env,
            PORT: String(port),
          },
          stdio: ['ignore', typeof output === 'function' ? 'pipe' : output, 'inherit'],
        });
        if (typeof output === 'function') createInterface({ input: child.stdout! }).on('line', output);
        return child;
      },
      `http://127.0.0.1:${port}`,
    );
    services[name] = service;
    await service.start();
  };
  /** A service on `port`: one process, or its replicas behind a round-robin listener there. */
  const launch = async (name: string, entry: string, env: Record<string, string>, port: number) => {
    if (replicas === 1) {
      replicaUrls[name] = [`http://127.0.0.1:${port}`];
      return launchOne(name, entry, env, port);
    }
    const ports = await Promise.all(Array.from({ length: replicas }, freePort));
    replicaUrls[name] = ports.map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(ports.map((p, index) => launchOne(`${name}-${index + 1}`, entry, env, p)));
    listeners.push(await roundRobin(port, ports));
  };

  try {
    const ports = await Promise.all(
      SUBGRAPHS.map((_, index) => (options.firstSubgraphPort ? options.firstSubgraphPort + index : freePort())),
    );
    const subgraphUrls = Object.fromEntries(
      SUBGRAPHS.map((name, index) => [name, `http://127.0.0.1:${ports[index]}/graphql`]),
    );
    const gatewayPort = options.gatewayPort || (await freePort());
    // The gateway plans over the committed supergraph and does not call the subgraphs to start:
    // it starts beside them, and the stack is ready when all six are.
    await Promise.all([
      ...SUBGRAPHS.map((name, index) =>
        launch(
          name,
          entryFile(`subgraphs/${name}`),
          {
            DATABASE_URL: options.databaseUrl,
            DATABASE_PREFIX: prefix,
            DATA_DIR: options.dataDir ?? dataDir,
            ...options.environment,
          },
          ports[index]!,
        ),
      ),
      launch(
        'gateway',
        entryFile('gateway'),
        { ...gatewayEnvironment(keys, subgraphUrls), ...options.gatewayEnvironment },
        gatewayPort,
      ),
    ]);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      subgraphUrls,
      services,
      replicaUrls,
      keys,
      keysEnvironment,
      metricsToken: keysEnvironment.METRICS_TOKENS.split(',')[0]!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
