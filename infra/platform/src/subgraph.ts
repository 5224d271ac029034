import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type ReferenceResolvers } from './federation.js';
import { databaseIsReady, databaseName, databaseUrl, ensureDatabases, openDatabase, sqlStatementCount } from './db.js';
import { errorFormatter } from './errors.js';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from './identity.js';
import { ServiceMetrics } from './metrics.js';
import { readSettings, type SettingsSpec } from './settings.js';
import { SUBGRAPH_SETTINGS, subgraphKeysOf, type SubgraphKeys } from './service-settings.js';
import type { KeyRing } from './signing.js';
import { localeFrom } from './i18n.js';
import { createLogger, type Logger } from './logger.js';
import { serveHttp, type Route, type RunningHttpService } from './http.js';
import type { SubgraphContext } from './context.js';
import { DecimalScalar } from './money.js';
import Decimal from 'decimal.js';
import {
  DEFAULT_DELIVERY,
  EVENT_ENTITIES,
  EventChannel,
  type DeliveryPolicy,
  type Effect,
  type EffectHandlers,
  type TopicHandlers,
} from './events/index.js';
import { currentRequest } from './request-scope.js';

// biome-ignore lint/complexity/noBannedTypes: type-graphql and MikroORM take their classes as Function
type Class = Function;

/** Everything that makes one subgraph, declared once in its `src/subgraph.ts`. */
export interface SubgraphDefinition<Loaders, Services extends object = object> {
  name: string;
  resolvers: NonEmptyArray<Class>;
  orphanedTypes?: Class[];
  references?: ReferenceResolvers;
  entities: Class[];
  migrations: MigrationObject[];
  migrationsPath?: string;
  /** Loads or updates the seed data; must be idempotent (it runs at every start). */
  seed?: (em: EntityManager) => Promise<void>;
  /** Per-request DataLoaders; given the caller, for counts that depend on who reads. */
  createLoaders: (em: EntityManager, identity: Identity | null) => Loaders;
  /** The opt-in services it uses (a mailer, a file store…), built once at start; resolvers, routes and event handlers receive them. */
  services?: (setup: ServiceSetup) => Services;
  routes?: (runtime: SubgraphRuntime<Services>) => Route[];
  /** The events of other subgraphs this one applies, by topic (exactly its topics in `SUBSCRIPTIONS`). */
  consumes?: TopicHandlers<Services>;
  /** The side effects it carries out after its transactions commit (emails…), by name. */
  effects?: EffectHandlers<Services>;
  /** Effects retried by a policy of their own, from its settings (a webhook is retried for days), each on its own queue. */
  effectQueues?: (settings: Readonly<Record<string, unknown>>) => Partial<Record<Effect, DeliveryPolicy>>;
  /**
   * Work due at a time (a response deadline that passes, a reminder): run every `everyMs` (from its
   * settings) by each replica; it must find what is due itself and take it once (under a lock).
   */
  clock?: {
    everyMs: (settings: Readonly<Record<string, unknown>>) => number;
    run: (runtime: SubgraphRuntime<Services>) => Promise<unknown>;
  };
  /** Periodic clean-up (uploads never attached…), run every {@link HOUSEKEEPING_EVERY_MS}. */
  housekeeping?: (runtime: SubgraphRuntime<Services>) => Promise<unknown>;
  /** The settings it reads besides every subgraph's (its features' and its own), checked at start. */
  settings?: SettingsSpec;
}

/** What a subgraph's opt-in services are built from. */
export interface ServiceSetup {
  /** The subgraph's name, to keep its files apart (in a bucket). */
  name: string;
  /** Where local mail is kept when no SMTP server is set. */
  dataDir: string;
  /** Its settings, read and checked at start (its definition's `settings`; a feature reads its own with `settingsFrom`). */
  settings: Readonly<Record<string, unknown>>;
  orm: MikroORM;
  logger: Logger;
}

/** Every table a subgraph owns: its entities and its event outbox and inbox. */
export const entitiesOf = (definition: Pick<SubgraphDefinition<unknown>, 'entities'>): Class[] => [
  ...definition.entities,
  ...EVENT_ENTITIES,
];

/** How often a subgraph's housekeeping runs. */
export const HOUSEKEEPING_EVERY_MS = 15 * 60_000;

/** What the schema is built from. */
type SchemaParts = Pick<SubgraphDefinition<unknown>, 'resolvers' | 'orphanedTypes' | 'references'>;

/** The subgraph's schema alone, without a database (for composition). */
export function buildSubgraphSchemaOf(definition: SchemaParts): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: definition.resolvers,
      orphanedTypes: definition.orphanedTypes,
      scalarsMap: [{ type: Decimal, scalar: DecimalScalar }],
    },
    definition.references,
  );
}

export async function subgraphSdl(definition: SchemaParts): Promise<string> {
  return printSubgraphSchema(await buildSubgraphSchemaOf(definition));
}

/** What a subgraph's routes and housekeeping use besides GraphQL: the database, the keys and its services. */
export type SubgraphRuntime<Services extends object = object> = Services & {
  orm: MikroORM;
  /** Verifies identities signed by the gateway and calls of the platform's own services. */
  identityKeys: KeyRing;
};

export interface SubgraphRuntimeOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  databasePrefix?: string;
  /** The identity keys (shared with the gateway), the event keys (shared by every subgraph), the metrics tokens. */
  keys: SubgraphKeys;
  /** The events database (the engine's queues); `<prefix>_events` on the same server by default. */
  eventsDatabaseUrl?: string;
  /** How its queues retry what fails before a dead letter. */
  delivery?: DeliveryPolicy;
  /** How long a mutation waits for its events to be applied by their consumers before answering anyway. */
  eventWaitMs?: number;
  /** Where local mail is kept when no SMTP server is set: `<dataDir>/mail`. */
  dataDir: string;
  /** The definition's own settings, read from the environment (tests give them directly). */
  settings?: Readonly<Record<string, unknown>>;
  /** Stack traces in error answers (development only). */
  development?: boolean;
  /** Migrates and seeds its database at start (the default), or expects the release's migration step to have done it. */
  migrateOnStart?: boolean;
  /** A database its own is copied from when created (tests: one migrated and seeded once per run). */
  databaseTemplate?: string;
}

/** What the channel offers outside the subgraph: tests and the stack follow and feed it. */
export type EventChannelHandle = Pick<
  EventChannel,
  'boss' | 'counters' | 'relay' | 'apply' | 'waitApplied' | 'inFlight' | 'pauseConsuming' | 'resumeConsuming'
>;

export interface RunningSubgraph extends RunningHttpService {
  orm: MikroORM;
  /** Its side of the event channel. */
  events: EventChannelHandle;
  /** Runs the housekeeping now (it also runs on its own, periodically). */
  housekeep: () => Promise<void>;
}

/** How long a mutation waits, by default, for its events to be applied before answering anyway. */
export const EVENT_WAIT_MS = 2_000;

/** The events database on the subgraphs' server, created if missing. */
async function eventsDatabaseOn(serverUrl: string, databasePrefix?: string): Promise<string> {
  const events = { service: 'events', databasePrefix };
  await ensureDatabases(serverUrl, [databaseName(events)]);
  return databaseUrl(serverUrl, events);
}

/**
 * The subgraph's database, migrated and seeded (unless the release's migration step did it: then
 * only checked to be up to date).
 */
export function openSubgraphDatabase(
  definition: Pick<SubgraphDefinition<unknown>, 'name' | 'entities' | 'migrations' | 'seed'>,
  options: Pick<SubgraphRuntimeOptions, 'databaseUrl' | 'databasePrefix' | 'migrateOnStart' | 'databaseTemplate'>,
  logger: Logger,
): Promise<MikroORM> {
  const prepare = async (orm: MikroORM) => {
    await orm.migrator.up();
    await definition.seed?.(orm.em.fork());
  };
  return openDatabase(
    {
      service: definition.name,
      serverUrl: options.databaseUrl,
      databasePrefix: options.databasePrefix,
      entities: entitiesOf(definition),
      migrations: definition.migrations,
      logger,
      template: options.databaseTemplate,
    },
    options.migrateOnStart === false ? undefined : prepare,
  );
}

/** Opens the database (migrations, seed), builds the schema and serves it. */
export async function startSubgraph<Loaders, Services extends object>(
  definition: SubgraphDefinition<Loaders, Services>,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  const logger = createLogger(definition.name);
  const orm = await openSubgraphDatabase(definition, options, logger);
  const settings = { ...defaultsOf(definition.settings), ...options.settings };
  const services = (definition.services?.({ name: definition.name, dataDir: options.dataDir, settings, orm, logger }) ??
    {}) as Services;
  const runtime: SubgraphRuntime<Services> = { ...services, orm, identityKeys: options.keys.identities };
  const metrics = new ServiceMetrics(definition.name);
  const events = new EventChannel<Services>({
    name: definition.name,
    orm,
    eventsDatabaseUrl:
      options.eventsDatabaseUrl ?? (await eventsDatabaseOn(options.databaseUrl, options.databasePrefix)),
    consumes: definition.consumes,
    effects: definition.effects,
    effectQueues: definition.effectQueues?.(settings),
    services,
    delivery: options.delivery ?? DEFAULT_DELIVERY,
    signing: options.keys.events,
    logger,
  });
  await events.start();
  observe(metrics, orm, events);
  const eventWaitMs = options.eventWaitMs ?? EVENT_WAIT_MS;

  const schema = await buildSubgraphSchemaOf(definition);
  const apollo = new ApolloServer<SubgraphContext<Loaders, Services>>({
    schema,
    formatError: errorFormatter(logger),
    introspection: true,
    includeStacktraceInErrorResponses: options.development ?? false,
    // Traces are for Apollo's hosted studio, which is not used here. Cache hints are not used
    // either, and Apollo's default cache-control plugin wraps every field resolver to compute them.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      metrics.plugin(),
      {
        // Read-your-writes: a mutation answers once its consumers have applied its events (or after
        // a short wait), so the caller's next request sees its effects in every subgraph.
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              const request = currentRequest();
              if (request) request.readOnly = operation?.operation === 'query';
            },
            async willSendResponse({ operation }) {
              const request = currentRequest();
              const jobs = request?.awaitedJobs;
              if (operation?.operation !== 'mutation') return;
              if (!jobs?.length) {
                if (request?.relayNow) void events.relay();
                return;
              }
              const applied = await events
                .waitApplied(jobs, eventWaitMs)
                .catch((error) => logger.warn({ err: error }, 'could not follow the events of a mutation'));
              if (applied === false) logger.info({ jobs: jobs.length }, 'answered before every event was applied');
            },
          };
        },
      },
    ],
  });
  const http = await serveHttp({
    name: definition.name,
    apollo,
    logger,
    port: options.port,
    host: options.host,
    metrics: { tokens: options.keys.metrics, registry: metrics.registry },
    routes: definition.routes?.(runtime) ?? [],
    ready: () => databaseIsReady(orm.em.fork()),
    context: async (req) => {
      const em = orm.em.fork();
      const header = req.headers[IDENTITY_HEADER];
      const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, options.keys.identities);
      return {
        ...services,
        identity,
        locale: localeFrom(req.headers['accept-language']),
        em,
        loaders: definition.createLoaders(em, identity),
      };
    },
  });
  const housekeep = async () => {
    try {
      await definition.housekeeping?.(runtime);
      await events.forgetOld();
    } catch (error) {
      logger.error({ err: error }, 'housekeeping failed; retried at the next round');
    }
  };
  const housekeeping = setInterval(() => void housekeep(), HOUSEKEEPING_EVERY_MS).unref();
  const { clock } = definition;
  let ticking: Promise<unknown> | null = null;
  const tick = () => {
    // One round at a time: a slow round is not stacked with the next.
    ticking ??= clock!
      .run(runtime)
      .catch((error) => logger.error({ err: error }, 'scheduled work failed; retried at the next round'))
      .finally(() => (ticking = null));
  };
  const clockTimer = clock ? setInterval(tick, clock.everyMs(settings)).unref() : undefined;
  return {
    ...http,
    orm,
    events,
    housekeep,
    close: async () => {
      clearInterval(housekeeping);
      clearInterval(clockTimer);
      await ticking;
      await http.close();
      await events.stop();
      await orm.close();
    },
  };
}

/** What a subgraph adds to the process metrics: SQL statements and its side of the event channel. */
function observe<S extends object>(metrics: ServiceMetrics, orm: MikroORM, events: EventChannel<S>) {
  metrics.countedBy('nuage_sql_statements_total', 'SQL statements sent for requests (not background work).', () =>
    sqlStatementCount(orm),
  );
  const { counters } = events;
  metrics.countedBy(
    'nuage_events_relayed_total',
    'Events and effects moved from the outbox to the engine.',
    () => counters.eventsRelayed,
  );
  metrics.countedBy('nuage_events_applied_total', 'Events applied by this subgraph.', () => counters.eventsApplied);
  metrics.countedBy(
    'nuage_events_duplicated_total',
    'Events received again and ignored (already applied).',
    () => counters.eventsDuplicated,
  );
  metrics.countedBy('nuage_effects_done_total', 'Side effects carried out (emails…).', () => counters.effectsDone);
  metrics.gauge('nuage_event_queue_depth', 'Events waiting in this subgraph’s queue (created or to retry).', () =>
    events.queueDepth(),
  );
  metrics.gauge(
    'nuage_dead_letters',
    'Events and effects that failed every attempt, parked for an operator.',
    () => counters.deadLetters,
  );
}

/** Each setting's default, for a subgraph started without reading the environment (tests). */
const defaultsOf = (spec: SettingsSpec = {}) =>
  Object.fromEntries(Object.entries(spec).map(([name, definition]) => [name, definition.default]));

/**
 * Runs a subgraph as its own process, configured by its environment (README, "Configuration"):
 * every subgraph's settings and its own, all checked before anything starts.
 */
export async function runSubgraphFromEnv<Loaders, Services extends object>(
  definition: SubgraphDefinition<Loaders, Services>,
): Promise<void> {
  const settings = readSettings(definition.name, { ...SUBGRAPH_SETTINGS, ...definition.settings });
  if (process.argv[2] === 'migrate') {
    // The release's migration step: migrations and seed, once (under the schema lock), then exit.
    const orm = await openSubgraphDatabase(
      definition,
      { databaseUrl: settings.DATABASE_URL, databasePrefix: settings.DATABASE_PREFIX },
      createLogger(definition.name),
    );
    await orm.close();
    return;
  }
  const running = await startSubgraph(definition, {
    port: settings.PORT,
    host: settings.HOST,
    databaseUrl: settings.DATABASE_URL,
    databasePrefix: settings.DATABASE_PREFIX,
    keys: subgraphKeysOf(settings),
    eventsDatabaseUrl: settings.EVENTS_DATABASE_URL,
    delivery: {
      retryLimit: settings.EVENT_RETRY_LIMIT,
      retryDelaySeconds: settings.EVENT_RETRY_DELAY_SECONDS,
      retryDelayMaxSeconds: settings.EVENT_RETRY_DELAY_MAX_SECONDS,
    },
    eventWaitMs: settings.EVENT_WAIT_MS,
    dataDir: settings.DATA_DIR,
    settings,
    development: settings.NUAGE_ENV === 'development',
    migrateOnStart: settings.DATABASE_MIGRATE_ON_START,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.close().then(() => process.exit(0)));
  }
}
