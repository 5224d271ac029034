import { z } from 'zod';
import { Role } from '@nuage/contracts';
import { limitsFromEnv, settingsReader, type GatewayLimits } from './limits/config.js';
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

/** The gateway's settings; every bad value stops it at start, named, with why. */
export function gatewaySettingsFromEnv(env: NodeJS.ProcessEnv): GatewaySettings {
  const production = env.NUAGE_ENV === 'production';
  const reader = settingsReader(env);
  const manifest = env.TRUSTED_DOCUMENTS;
  const settings: GatewaySettings = {
    limits: limitsFromEnv(reader),
    exposure: {
      graphiql: reader.read('GRAPHIQL', onOff, !production),
      anonymousIntrospection: reader.read('ANONYMOUS_INTROSPECTION', onOff, !production),
      fieldSuggestions: reader.read('FIELD_SUGGESTIONS', onOff, !production),
    },
    corsOrigins: reader.read('CORS_ORIGINS', origins, []),
  };
  const requiredFor = reader.read('TRUSTED_DOCUMENTS_ROLES', roles, [Role.BENEFICIARY, Role.MANAGER]);
  reader.check();
  if (manifest) settings.trustedDocuments = TrustedDocuments.load(manifest, requiredFor);
  return settings;
}

/** The development exposure: everything open to explore. */
export const DEVELOPMENT_EXPOSURE: Exposure = { graphiql: true, anonymousIntrospection: true, fieldSuggestions: true };
