import { createHash, randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { CompiledQuery, type Kysely } from 'kysely';
import {
  DefaultLogger,
  OptionalProps,
  type LogContext,
  type LoggerOptions,
  type MigrationObject,
} from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A query builder as the right side of `$in` / `$nin`: MikroORM runs it as a subquery, but its
 * filter types take values only (the one cast, here).
 */
export const subquery = (queryBuilder: object): string[] => queryBuilder as never;

/** The logger label of statements run in the background, outside any request (not counted). */
export const BACKGROUND_LABEL = 'background';
/** The logger context of work no caller's request pays for (event delivery, account checks). */
export const BACKGROUND = { label: BACKGROUND_LABEL };

/**
 * What every table row has: a UUID chosen by the application (so an entity has its id before it is
 * flushed, e.g. to put it in an event) and creation/update times.
 */
// Decorated so that type-graphql lets subclasses inherit its fields; never emitted on its own.
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  /** Filled in by default: `em.create` need not be given them (nor a subclass's `Optional` ones). */
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | Optional;

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed.' })
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A UUID derived from a natural key (e.g. a brand's name): seed data gets the same id on every
 * machine, so subgraphs can refer to seeded rows of another subgraph without reading its tables.
 */
export function stableId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`nuage-public:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export interface DatabaseOptions {
  /** The subgraph's name; its database is `<prefix>_<name>` on the server. */
  service: string;
  /** A PostgreSQL server URL (`postgres://user:pass@host:port/anything`); the path is ignored. */
  serverUrl: string;
  /** Prefix of database names, so tests and the product can share a server (`nuage` by default). */
  databasePrefix?: string;
  entities: Options['entities'];
  migrations: MigrationObject[];
  /** Directory new migrations are written to (only used by the migration generator). */
  migrationsPath?: string;
  /** Where the ORM's own messages (migrations applied…) go. */
  logger?: { info: (message: string) => void };
  /** A database to copy when this one is created (tests: one already migrated and seeded). */
  template?: string;
}

/** The database a subgraph owns: one database per subgraph on the same server, so no subgraph reads another's tables. */
export const databaseName = (options: Pick<DatabaseOptions, 'service' | 'databasePrefix'>) =>
  `${options.databasePrefix ?? 'nuage'}_${options.service}`;

/**
 * The ORM's logger, which also counts the SQL statements sent: tests and benchmarks read the count
 * (`sqlStatementCount`) to prove that a list costs a constant number of statements.
 */
export class CountingLogger extends DefaultLogger {
  statements = 0;

  override logQuery(context: { query: string } & LogContext): void {
    // Background work (event delivery) is not what a request costs.
    if (context.label !== BACKGROUND_LABEL) this.statements += 1;
    super.logQuery(context);
  }
}

/** How many SQL statements this ORM has sent since it opened. */
export const sqlStatementCount = (orm: MikroORM) => (orm.config.getLogger() as CountingLogger).statements;

const POOL_SIZE = 10;
/**
 * Bounds on the pool, so that a burst of callers or a stuck statement fails one request instead of
 * freezing the service: a caller waits at most 5 s for a connection (then SERVICE_UNAVAILABLE), a
 * statement runs at most 30 s, and a transaction left idle is ended by PostgreSQL after 60 s.
 */
export const POOL_LIMITS = {
  connectionTimeoutMillis: 5_000,
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
};

/**
 * Runs one SQL statement on the entity manager's connection: inside its transaction when it has
 * one (a statement sent outside would wait for a second connection of the pool while holding the
 * first, and a burst of callers would exhaust the pool for good), labelled as the caller's work.
 */
export function sql<T = Record<string, unknown>[]>(
  em: EntityManager,
  query: string,
  params: unknown[] = [],
  method: 'all' | 'run' = 'all',
): Promise<T> {
  return em
    .getConnection()
    .execute(query, params, method, em.getTransactionContext(), em.getLoggerContext()) as Promise<T>;
}

/**
 * Runs one statement whose parameters (`$1`, `$2`…) are bound, sent apart from its text, inside
 * the entity manager's transaction, counted like every other statement. For a batch carried as one
 * large parameter (a JSON array of usage lines): MikroORM's `execute` writes every parameter into
 * the statement's text, escaping a megabyte of JSON character by character (most of an ingestion's
 * CPU), and PostgreSQL then parses it back out of the text.
 */
export async function sqlBound<T = Record<string, unknown>>(
  em: EntityManager,
  query: string,
  params: readonly unknown[],
): Promise<T[]> {
  const executor = (em.getTransactionContext() ?? em.getConnection().getClient()) as Kysely<unknown>;
  const { rows } = await executor.executeQuery<T>(CompiledQuery.raw(query, [...params]));
  em.config.getLogger().logQuery({ query, level: 'info', ...em.getLoggerContext() });
  return rows;
}

/** The URL of a service's database on a server (the server URL's path is replaced). */
export function databaseUrl(serverUrl: string, of: Pick<DatabaseOptions, 'service' | 'databasePrefix'>): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName(of)}`;
  return url.toString();
}

export function ormConfig(options: DatabaseOptions): Options {
  return {
    clientUrl: databaseUrl(options.serverUrl, options),
    entities: [BaseEntity, ...(options.entities as never[])],
    extensions: [Migrator],
    // Created beforehand by ensureDatabases, which copes with concurrent creation.
    ensureDatabase: false,
    forceUtcTimezone: true,
    propagationOnPrototype: false,
    pool: { min: 0, max: POOL_SIZE },
    driverOptions: POOL_LIMITS,
    loggerFactory: (loggerOptions: LoggerOptions) => new CountingLogger(loggerOptions),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colour codes MikroORM writes
    logger: (message: string) => options.logger?.info(message.replace(/\x1b\[[0-9;]*m/g, '')),
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations,
      path: options.migrationsPath,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
    },
  };
}

/** The lock a subgraph's replicas take to migrate and seed its database one at a time. */
const SCHEMA_LOCK = 510_771_001;

/**
 * Opens the subgraph's database, creating it if needed. With `prepare` (migrations and seed), runs
 * it under a session lock, so that replicas starting together, or the release's migration step,
 * migrate once; without, checks that the release's migration step has run (no migration pending).
 */
export async function openDatabase(
  options: DatabaseOptions,
  prepare?: (orm: MikroORM) => Promise<void>,
): Promise<MikroORM> {
  await ensureDatabases(options.serverUrl, [databaseName(options)], options.template);
  const orm = await MikroORM.init(ormConfig(options));
  try {
    if (prepare) await holdingSchemaLock(databaseUrl(options.serverUrl, options), () => prepare(orm));
    else {
      const pending = await orm.migrator.getPending();
      if (pending.length)
        throw new Error(
          `${options.service}: ${pending.length} migration(s) not applied yet (${pending.map((m) => m.name).join(', ')}); the release's migration step (\`${options.service} migrate\`) applies them.`,
        );
    }
  } catch (error) {
    await orm.close();
    throw error;
  }
  return orm;
}

/** Runs `work` on a connection of its own to `url`, ended afterwards (which releases its session locks). */
export async function onConnection<T>(url: string, work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server's maintenance database (`postgres`), where databases are created and looked up. */
export function maintenanceUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** Runs `work` holding the schema lock, on a connection of its own (ending it releases the lock, even on a crash). */
function holdingSchemaLock(url: string, work: () => Promise<void>): Promise<void> {
  return onConnection(url, async (client) => {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    await work();
  });
}

/** Whether the database answers within a second: an exhausted pool or a stuck server makes `/ready` fail, not hang. */
export async function databaseIsReady(em: EntityManager, withinMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, withinMs, false)));
  try {
    return await Promise.race([sql(em, 'select 1').then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * CREATE DATABASE (a copy of `template`, else of PostgreSQL's), retried while another session
 * copies the same template (PostgreSQL error 55006).
 */
async function createDatabase(
  client: import('pg').Client,
  name: string,
  template?: string,
  attempts = 20,
): Promise<void> {
  try {
    await client.query(`create database ${quoted(name)}${template ? ` template ${quoted(template)}` : ''}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42P04' || code === '23505') return; // created meanwhile by someone else
    if (code !== '55006' || attempts <= 1) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    await createDatabase(client, name, template, attempts - 1);
  }
}

/**
 * Creates the databases that are missing. Services starting together may race: PostgreSQL refuses
 * concurrent CREATE DATABASE from one template, so creation is retried (see createDatabase).
 */
export function ensureDatabases(serverUrl: string, names: string[], template?: string): Promise<void> {
  return onConnection(maintenanceUrl(serverUrl), async (client) => {
    for (const name of names) if (!(await databaseExists(client, name))) await createDatabase(client, name, template);
  });
}

/** Whether the server has this database (asked on its maintenance database). */
export async function databaseExists(client: import('pg').Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
  return !!rowCount;
}
