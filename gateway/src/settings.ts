import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Role, SUBGRAPH_NAMES } from '@nuage/contracts';
import {
  readSettings,
  SERVICE_SETTINGS,
  serviceKeysOf,
  setting,
  settingTypes as type,
  type SettingsOf,
  type SettingsSpec,
} from '@nuage/platform';
import type { AuthConfig } from './auth.js';
import type { GatewayOptions } from './gateway.js';
import { LIMIT_SETTINGS, limitsFrom, type GatewayLimits } from './limits/config.js';
import { TrustedDocuments } from './limits/trusted-documents.js';

/** What the gateway shows of itself: generous in development, closed in production (`NUAGE_ENV=production`). */
export interface Exposure {
  /** The GraphiQL page at `/` and `/graphql` (`GRAPHIQL`). */
  graphiql: boolean;
  /** The schema read without a token (`ANONYMOUS_INTROSPECTION`); with one, it always may be. */
  anonymousIntrospection: boolean;
  /** "Did you mean …" in validation errors (`FIELD_SUGGESTIONS`). */
  fieldSuggestions: boolean;
}

/** The development exposure: everything open to explore. */
export const DEVELOPMENT_EXPOSURE: Exposure = { graphiql: true, anonymousIntrospection: true, fieldSuggestions: true };

const roles = type.commaList(z.enum(Role)).refine((list) => list.length > 0, 'at least one role');
const origins = type.commaList(z.url({ protocol: /^https?$/ }));
const exposureSwitch = (description: string) =>
  setting({ schema: type.onOff.optional(), shownDefault: '`on` (`off` in production)', description });

/** `SUBGRAPH_URL_<NAME>`: where the gateway calls each subgraph. */
export const subgraphUrlVariable = (name: string) => `SUBGRAPH_URL_${name.toUpperCase()}`;

/** Everything the gateway reads, checked at start (README, "Configuration"). */
export const GATEWAY_SETTINGS = {
  ...SERVICE_SETTINGS,
  SUPERGRAPH_PATH: setting({
    schema: type.text,
    default: fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
    shownDefault: '`schema/supergraph.graphql`',
    description: 'The composed supergraph the gateway plans over.',
  }),
  ...Object.fromEntries(
    SUBGRAPH_NAMES.map((name, index) => [
      subgraphUrlVariable(name),
      setting({
        schema: type.url(/^https?$/),
        default: `http://127.0.0.1:${4001 + index}/graphql`,
        description: `Where the ${name} subgraph answers GraphQL.`,
      }),
    ]),
  ),
  AUTH_JWKS_URL: setting({
    schema: type.url(/^https?$/).optional(),
    description: 'The identity provider’s JWKS, to verify bearer tokens (or set a public key).',
  }),
  AUTH_PUBLIC_KEY: setting({
    schema: type.optionalText,
    description: 'A PEM public key (SPKI) to verify tokens with.',
  }),
  AUTH_PUBLIC_KEY_FILE: setting({ schema: type.optionalText, description: 'The same, from a file.' }),
  AUTH_ALGORITHM: setting({ schema: type.text, default: 'ES256', description: 'The tokens’ signature algorithm.' }),
  AUTH_ISSUER: setting({ schema: type.text, default: 'nuage-public', description: 'The tokens’ required `iss`.' }),
  AUTH_AUDIENCE: setting({
    schema: type.text,
    default: 'nuage-public-api',
    description: 'The tokens’ required `aud`.',
  }),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: setting({
    schema: type.wholeNumber,
    default: 12 * 3600,
    description: 'The longest a token may live from issue to expiry.',
  }),
  ACCOUNT_CACHE_MS: setting({
    schema: type.wholeNumber,
    default: 30_000,
    description: 'How long an account’s state is reused: a deactivation takes effect within it.',
  }),
  APOLLO_TELEMETRY_ENABLED: setting({
    schema: z.enum(['true', 'false']).transform((value) => value === 'true'),
    default: false,
    description: '`true` lets @apollo/gateway report usage to Apollo and probe cloud metadata (off: nothing leaves).',
  }),
  ...LIMIT_SETTINGS,
  CORS_ORIGINS: setting({
    schema: origins,
    default: [] as string[],
    shownDefault: 'none',
    description: 'Browser origins allowed to call the API, comma-separated.',
  }),
  GRAPHIQL: exposureSwitch('The GraphiQL page at `/` and `/graphql`.'),
  ANONYMOUS_INTROSPECTION: exposureSwitch('The schema read without a token (with one, always).'),
  FIELD_SUGGESTIONS: exposureSwitch('“Did you mean …” in validation errors.'),
  TRUSTED_DOCUMENTS: setting({
    schema: type.optionalText,
    description: 'A trusted-documents manifest (JSON): the roles below may only send its operations.',
  }),
  TRUSTED_DOCUMENTS_ROLES: setting({
    schema: roles,
    default: [Role.BENEFICIARY, Role.MANAGER],
    description: 'The roles held to the manifest, comma-separated.',
  }),
} satisfies SettingsSpec;

type GatewaySettings = SettingsOf<typeof GATEWAY_SETTINGS>;

function authOf(settings: GatewaySettings): AuthConfig {
  const publicKeyPem =
    settings.AUTH_PUBLIC_KEY ??
    (settings.AUTH_PUBLIC_KEY_FILE ? readFileSync(settings.AUTH_PUBLIC_KEY_FILE, 'utf8') : undefined);
  if (!settings.AUTH_JWKS_URL && !publicKeyPem)
    throw new Error('Set AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_PUBLIC_KEY_FILE to verify bearer tokens.');
  return {
    jwksUrl: settings.AUTH_JWKS_URL,
    publicKeyPem,
    algorithm: settings.AUTH_ALGORITHM,
    issuer: settings.AUTH_ISSUER,
    audience: settings.AUTH_AUDIENCE,
    maxTokenLifetimeSeconds: settings.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
  };
}

/** The token verification settings alone (the benchmark's Hive Gateway verifies tokens the same way). */
export const authConfigFromEnv = (env: NodeJS.ProcessEnv): AuthConfig =>
  authOf(readSettings('gateway', GATEWAY_SETTINGS, env));

/** The gateway's options from its environment; every bad or missing value stops it at start, named, with why. */
export function gatewayOptionsFromEnv(env: NodeJS.ProcessEnv): GatewayOptions & { limits: GatewayLimits } {
  const settings = readSettings('gateway', GATEWAY_SETTINGS, env);
  const production = settings.NUAGE_ENV === 'production';
  return {
    port: settings.PORT,
    host: settings.HOST,
    supergraphPath: settings.SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, (settings as Record<string, unknown>)[subgraphUrlVariable(name)] as string]),
    ),
    auth: authOf(settings),
    keys: serviceKeysOf(settings),
    accountCacheMs: settings.ACCOUNT_CACHE_MS,
    apolloTelemetry: settings.APOLLO_TELEMETRY_ENABLED,
    development: !production,
    limits: limitsFrom(settings),
    exposure: {
      graphiql: settings.GRAPHIQL ?? !production,
      anonymousIntrospection: settings.ANONYMOUS_INTROSPECTION ?? !production,
      fieldSuggestions: settings.FIELD_SUGGESTIONS ?? !production,
    },
    corsOrigins: settings.CORS_ORIGINS,
    ...(settings.TRUSTED_DOCUMENTS
      ? { trustedDocuments: TrustedDocuments.load(settings.TRUSTED_DOCUMENTS, settings.TRUSTED_DOCUMENTS_ROLES) }
      : {}),
  };
}
