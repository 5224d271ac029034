import { z } from 'zod';
import { Role } from '@nuage/contracts';
import { limitsFromEnv, type GatewayLimits } from './limits/config';
import { TrustedDocuments } from './limits/trusted-documents';

/** What the gateway shows of itself: generous in development, closed in production (`NUAGE_ENV=production`). */
export interface Exposure {
  /** The GraphiQL page at `/` and `/graphql` (`GRAPHIQL`). */
  graphiql: boolean;
  /** The schema read without a token (`ANONYMOUS_INTROSPECTION`); with one, it always may be. */
  anonymousIntrospection: boolean;
  /** "Did you mean …" in validation errors (`FIELD_SUGGESTIONS`). */
  fieldSuggestions: boolean;
}

/** The gateway's settings of exposure and limits, read from the environment (README, "Limits"). */
export interface GatewaySettings {
  limits: GatewayLimits;
  exposure: Exposure;
  /** Browser origins allowed to call the API (`CORS_ORIGINS`, comma-separated; none by default). */
  corsOrigins: string[];
  trustedDocuments?: TrustedDocuments;
}

const onOff = z.enum(['on', 'off']).transform((value) => value === 'on');
const roles = z
  .string()
  .transform((text) => text.split(',').map((role) => role.trim()))
  .pipe(z.array(z.enum(Role)).min(1));
const origins = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

export function gatewaySettingsFromEnv(env: NodeJS.ProcessEnv): GatewaySettings {
  const production = env.NUAGE_ENV === 'production';
  const read = <T>(variable: string, parser: z.ZodType<T>, fallback: T): T => {
    const raw = env[variable];
    if (raw === undefined || raw === '') return fallback;
    const parsed = parser.safeParse(raw);
    if (!parsed.success)
      throw new Error(`Invalid ${variable}=${raw}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    return parsed.data;
  };
  const manifest = env.TRUSTED_DOCUMENTS;
  return {
    limits: limitsFromEnv(env),
    exposure: {
      graphiql: read('GRAPHIQL', onOff, !production),
      anonymousIntrospection: read('ANONYMOUS_INTROSPECTION', onOff, !production),
      fieldSuggestions: read('FIELD_SUGGESTIONS', onOff, !production),
    },
    corsOrigins: read('CORS_ORIGINS', origins, []),
    trustedDocuments: manifest
      ? TrustedDocuments.load(manifest, read('TRUSTED_DOCUMENTS_ROLES', roles, [Role.BENEFICIARY, Role.MANAGER]))
      : undefined,
  };
}

/** The development exposure: everything open to explore. */
export const DEVELOPMENT_EXPOSURE: Exposure = { graphiql: true, anonymousIntrospection: true, fieldSuggestions: true };
