import type { KeysEnvironment } from './dev-keys.js';
import { DEFAULT_DELIVERY } from './events/queues.js';
import { readSettings, setting, settingTypes as type, type SettingsOf, type SettingsSpec } from './settings.js';
import { KeyRing } from './signing.js';

/** What every service reads: where it listens, how it logs and traces, and its keys. */
export const SERVICE_SETTINGS = {
  PORT: setting({ schema: type.port, default: 4000, description: 'The TCP port it listens on.' }),
  HOST: setting({
    schema: type.text,
    default: '127.0.0.1',
    description: 'The address it listens on; `0.0.0.0` in a container.',
  }),
  NUAGE_ENV: setting({
    schema: type.environment,
    default: 'development' as const,
    description:
      '`production` closes what helps in development: GraphiQL, anonymous introspection, field suggestions, stack traces.',
  }),
  LOG_LEVEL: setting({
    schema: type.logLevel,
    default: 'info' as const,
    description: 'pino level of its JSON log lines.',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: setting({
    schema: type.url(/^https?$/).optional(),
    description:
      'An OTLP/HTTP collector (`http://collector:4318`): traces are exported there; unset, no trace is recorded.',
  }),
  OTEL_SERVICE_NAME: setting({
    schema: type.optionalText,
    shownDefault: '`nuage-<service>`',
    description: 'The service name its spans carry.',
  }),
  IDENTITY_SIGNING_KEYS: setting({
    schema: type.keys,
    secret: true,
    description:
      'HMAC keys the gateway signs callers’ identities with and subgraphs verify (comma-separated: the first signs, all verify).',
  }),
  METRICS_TOKENS: setting({
    schema: type.keys,
    secret: true,
    description: 'Bearer tokens that may read `/metrics` (comma-separated, any is accepted).',
  }),
} satisfies SettingsSpec;

/** What every subgraph reads besides: its database, the event channel, its local folder. */
export const SUBGRAPH_SETTINGS = {
  ...SERVICE_SETTINGS,
  DATABASE_URL: setting({
    schema: type.url(/^postgres(ql)?$/),
    description:
      'The PostgreSQL server (`postgres://user:pass@host:5432/postgres`); the subgraph uses its database `<prefix>_<subgraph>` there, created if missing.',
  }),
  DATABASE_PREFIX: setting({ schema: type.text, default: 'nuage', description: 'The prefix of the databases’ names.' }),
  DATABASE_MIGRATE_ON_START: setting({
    schema: type.onOff,
    default: true,
    shownDefault: '`on`',
    description:
      '`off` when the release’s migration step (`<subgraph> migrate`, an init container) applies migrations and seed: the service then only checks that none is pending.',
  }),
  EVENTS_DATABASE_URL: setting({
    schema: type.url(/^postgres(ql)?$/).optional(),
    shownDefault: '`<prefix>_events` on `DATABASE_URL`',
    description: 'The database of the event engine’s queues (pg-boss), shared by every subgraph.',
  }),
  EVENT_SIGNING_KEYS: setting({
    schema: type.keys,
    secret: true,
    description:
      'HMAC keys events are signed with when relayed and checked with before they are applied (comma-separated: the first signs, all verify).',
  }),
  EVENT_RETRY_LIMIT: setting({
    schema: type.wholeNumber,
    default: DEFAULT_DELIVERY.retryLimit,
    description: 'Retries of an event or effect that fails, before it becomes a dead letter.',
  }),
  EVENT_RETRY_DELAY_SECONDS: setting({
    schema: type.wholeNumber,
    default: DEFAULT_DELIVERY.retryDelaySeconds,
    description: 'The first retry’s delay; it doubles at each retry.',
  }),
  EVENT_RETRY_DELAY_MAX_SECONDS: setting({
    schema: type.wholeNumber,
    default: DEFAULT_DELIVERY.retryDelayMaxSeconds,
    description: 'The longest delay between two retries.',
  }),
  EVENT_WAIT_MS: setting({
    schema: type.wholeNumber,
    default: 2_000,
    description: 'How long a mutation waits for its events to be applied by their consumers before answering.',
  }),
  DATA_DIR: setting({
    schema: type.text,
    default: '.data',
    description: 'A local folder: emails when no SMTP server is set (`<DATA_DIR>/mail`).',
  }),
} satisfies SettingsSpec;

export type ServiceSettings = SettingsOf<typeof SERVICE_SETTINGS>;

/** The keys of one service, each rotatable on its own. */
export interface ServiceKeys {
  identities: KeyRing;
  metrics: KeyRing;
}

export const serviceKeysOf = (
  settings: Pick<ServiceSettings, 'IDENTITY_SIGNING_KEYS' | 'METRICS_TOKENS'>,
): ServiceKeys => ({
  identities: new KeyRing(settings.IDENTITY_SIGNING_KEYS),
  metrics: new KeyRing(settings.METRICS_TOKENS),
});

/** A subgraph's keys: a service's, and the events'. */
export interface SubgraphKeys extends ServiceKeys {
  events: KeyRing;
}

export const subgraphKeysOf = (settings: SettingsOf<typeof KEY_SETTINGS>): SubgraphKeys => ({
  ...serviceKeysOf(settings),
  events: new KeyRing(settings.EVENT_SIGNING_KEYS),
});

/** The three kinds of keys' settings. */
const KEY_SETTINGS = {
  IDENTITY_SIGNING_KEYS: SERVICE_SETTINGS.IDENTITY_SIGNING_KEYS,
  METRICS_TOKENS: SERVICE_SETTINGS.METRICS_TOKENS,
  EVENT_SIGNING_KEYS: SUBGRAPH_SETTINGS.EVENT_SIGNING_KEYS,
} satisfies SettingsSpec;

/** The keys of a keys environment (`devKeysEnvironment`, a stack's), read as a service reads them. */
export const subgraphKeysFrom = (environment: KeysEnvironment): SubgraphKeys =>
  subgraphKeysOf(readSettings('keys', KEY_SETTINGS, environment));

/** A subset of settings already read and checked, typed by its spec (a feature reads its own from the subgraph's). */
export function settingsFrom<S extends SettingsSpec>(all: Readonly<Record<string, unknown>>, spec: S): SettingsOf<S> {
  const missing = Object.keys(spec).filter((name) => !(name in all));
  if (missing.length) throw new Error(`Settings not declared by this service: ${missing.join(', ')}.`);
  return Object.fromEntries(Object.keys(spec).map((name) => [name, all[name]])) as SettingsOf<S>;
}
