import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type ReferenceResolvers } from './federation.js';
import { databaseIsReady, databaseName, databaseUrl, ensureDatabases, openDatabase, sqlStatementCount } from './db.js';
import { errorFormatter } from './errors.js';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from './identity.js';
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
  /** Periodic clean-up (uploads never attached…), run every {@link HOUSEKEEPING_EVERY_MS}. */
  housekeeping?: (runtime: SubgraphRuntime<Services>) => Promise<unknown>;
}

/** What a subgraph's opt-in services are built from. */
export interface ServiceSetup {
  /** The subgraph's name, to keep its files apart. */
  name: string;
  /** Where files and local mail are kept. */
  dataDir: string;
  /** SMTP server for email; unset, email goes to a local folder. */
  smtpUrl?: string;
  logger: Logger;
}

/** Every table a subgraph owns: its entities and its event outbox and inbox. */
export const entitiesOf = (definition: Pick<SubgraphDefinition<unknown>, 'entities'>): Class[] => [
  ...definition.entities,
  ...EVENT_ENTITIES,
];

/** How often a subgraph's housekeeping runs. */
export const HOUSEKEEPING_EVERY_MS = 15 * 60_000;

/** The subgraph's schema alone, without a database (for composition). */
/** What the schema is built from. */
type SchemaParts = Pick<SubgraphDefinition<unknown>, 'resolvers' | 'orphanedTypes' | 'references'>;

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

/** What a subgraph's routes and housekeeping use besides GraphQL: the database, the gateway's secret and its services. */
export type SubgraphRuntime<Services extends object = object> = Services & {
  orm: MikroORM;
  /** Verifies identities signed by the gateway. */
  secret: string;
};

export interface SubgraphRuntimeOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  databasePrefix?: string;
  /** Shared with the gateway, to verify the identity it signs. */
  internalSecret: string;
  /** The events database (the engine's queues); `<prefix>_events` on the same server by default. */
  eventsDatabaseUrl?: string;
  /** How its queues retry what fails before a dead letter. */
  delivery?: DeliveryPolicy;
  /** How long a mutation waits for its events to be applied by their consumers before answering anyway. */
  eventWaitMs?: number;
  /** Where files and local mail are kept: `<dataDir>/files/<subgraph>`, `<dataDir>/mail`. */
  dataDir: string;
  /** SMTP server for email (smtp[s]://user:pass@host:port); unset, email goes to `<dataDir>/mail`. */
  smtpUrl?: string;
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

/** Opens the database (migrations, seed), builds the schema and serves it. */
export async function startSubgraph<Loaders, Services extends object>(
  definition: SubgraphDefinition<Loaders, Services>,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  const logger = createLogger(definition.name);
  const orm = await openDatabase({
    service: definition.name,
    serverUrl: options.databaseUrl,
    databasePrefix: options.databasePrefix,
    entities: entitiesOf(definition),
    migrations: definition.migrations,
    logger,
  });
  if (definition.seed) await definition.seed(orm.em.fork());
  const services = (definition.services?.({
    name: definition.name,
    dataDir: options.dataDir,
    smtpUrl: options.smtpUrl,
    logger,
  }) ?? {}) as Services;
  const runtime: SubgraphRuntime<Services> = { ...services, orm, secret: options.internalSecret };
  const events = new EventChannel<Services>({
    name: definition.name,
    orm,
    eventsDatabaseUrl:
      options.eventsDatabaseUrl ?? (await eventsDatabaseOn(options.databaseUrl, options.databasePrefix)),
    consumes: definition.consumes,
    effects: definition.effects,
    services,
    delivery: options.delivery ?? DEFAULT_DELIVERY,
    logger,
  });
  await events.start();
  const eventWaitMs = options.eventWaitMs ?? EVENT_WAIT_MS;

  const schema = await buildSubgraphSchemaOf(definition);
  const apollo = new ApolloServer<SubgraphContext<Loaders, Services>>({
    schema,
    formatError: errorFormatter(logger),
    introspection: true,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // Traces are for Apollo's hosted studio, which is not used here.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        // Read-your-writes: a mutation answers once its consumers have applied its events (or after
        // a short wait), so the caller's next request sees its effects in every subgraph.
        async requestDidStart() {
          return {
            async willSendResponse({ operation }) {
              const jobs = currentRequest()?.awaitedJobs;
              if (operation?.operation !== 'mutation' || !jobs?.length) return;
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
    metrics: {
      secret: options.internalSecret,
      counters: () => ({ sqlStatements: sqlStatementCount(orm), ...events.counters }),
    },
    routes: definition.routes?.(runtime) ?? [],
    ready: () => databaseIsReady(orm.em.fork()),
    context: async (req) => {
      const em = orm.em.fork();
      const header = req.headers[IDENTITY_HEADER];
      const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, options.internalSecret);
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
  return {
    ...http,
    orm,
    events,
    housekeep,
    close: async () => {
      clearInterval(housekeeping);
      await http.close();
      await events.stop();
      await orm.close();
    },
  };
}

/**
 * Runs a subgraph as its own process, configured by the environment that the stack runner
 * (`npm start`) or a deployment sets: PORT, DATABASE_URL, DATABASE_PREFIX, INTERNAL_SECRET.
 */
export async function runSubgraphFromEnv<Loaders, Services extends object>(
  definition: SubgraphDefinition<Loaders, Services>,
): Promise<void> {
  const { PORT, HOST, DATABASE_URL, DATABASE_PREFIX, INTERNAL_SECRET, EVENTS_DATABASE_URL, DATA_DIR, SMTP_URL } =
    process.env;
  if (!DATABASE_URL || !INTERNAL_SECRET || !PORT) {
    throw new Error(`${definition.name}: PORT, DATABASE_URL and INTERNAL_SECRET must be set (npm start sets them).`);
  }
  const running = await startSubgraph(definition, {
    port: Number(PORT),
    host: HOST,
    databaseUrl: DATABASE_URL,
    databasePrefix: DATABASE_PREFIX,
    internalSecret: INTERNAL_SECRET,
    eventsDatabaseUrl: EVENTS_DATABASE_URL,
    delivery: deliveryFromEnv(process.env),
    eventWaitMs: process.env.EVENT_WAIT_MS ? Number(process.env.EVENT_WAIT_MS) : undefined,
    dataDir: DATA_DIR ?? '.data',
    smtpUrl: SMTP_URL,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.close().then(() => process.exit(0)));
  }
}

/** The delivery policy from `EVENT_RETRY_LIMIT`, `EVENT_RETRY_DELAY_SECONDS`, `EVENT_RETRY_DELAY_MAX_SECONDS`. */
function deliveryFromEnv(env: NodeJS.ProcessEnv): DeliveryPolicy {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number (got "${value}").`);
    return Number(value);
  };
  return {
    retryLimit: read('EVENT_RETRY_LIMIT', DEFAULT_DELIVERY.retryLimit),
    retryDelaySeconds: read('EVENT_RETRY_DELAY_SECONDS', DEFAULT_DELIVERY.retryDelaySeconds),
    retryDelayMaxSeconds: read('EVENT_RETRY_DELAY_MAX_SECONDS', DEFAULT_DELIVERY.retryDelayMaxSeconds),
  };
}
