import { describe, expect, it } from 'vitest';
import { gatewayOptionsFromEnv } from '../src/settings.js';

/** What a gateway needs at the least: its keys and how to verify tokens. */
const REQUIRED = {
  IDENTITY_SIGNING_KEYS: 'i'.repeat(32),
  METRICS_TOKENS: 'm'.repeat(32),
  AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----…',
};
const gatewaySettingsFromEnv = (env: NodeJS.ProcessEnv) => gatewayOptionsFromEnv({ ...REQUIRED, ...env });

describe('gateway settings from the environment', () => {
  it('names every bad value, with why, and starts nothing', () => {
    expect(() =>
      gatewaySettingsFromEnv({ OPERATION_MAX_DEPTH: 'deep', RATE_LIMIT_SUPPLIER: '10', CORS_ORIGINS: 'ftp://x' }),
    ).toThrow(
      /OPERATION_MAX_DEPTH="deep"[\s\S]*RATE_LIMIT_SUPPLIER="10": expected "<burst>:<per second>"[\s\S]*CORS_ORIGINS="ftp:\/\/x"/,
    );
  });

  it('names each missing key, and refuses keys too short to be secret (without echoing them)', () => {
    const start = () => gatewayOptionsFromEnv({ IDENTITY_SIGNING_KEYS: `short-secret,${'k'.repeat(32)}` });
    expect(start).toThrow(/IDENTITY_SIGNING_KEYS=\(secret\): each key must have at least 32 characters/);
    expect(start).toThrow(/METRICS_TOKENS is required/);
    expect(start).not.toThrow(/short-secret/);
  });

  it('takes keys under rotation: the first signs, every one verifies', () => {
    const { keys } = gatewaySettingsFromEnv({ IDENTITY_SIGNING_KEYS: `${'n'.repeat(32)}, ${'o'.repeat(32)}` });
    expect(keys.identities.keys).toEqual(['n'.repeat(32), 'o'.repeat(32)]);
  });

  it.each([
    ['development', {}, { graphiql: true, anonymousIntrospection: true, fieldSuggestions: true }],
    [
      'production',
      { NUAGE_ENV: 'production' },
      { graphiql: false, anonymousIntrospection: false, fieldSuggestions: false },
    ],
    [
      'production keeping GraphiQL',
      { NUAGE_ENV: 'production', GRAPHIQL: 'on' },
      { graphiql: true, anonymousIntrospection: false, fieldSuggestions: false },
    ],
  ])('%s exposes what it should', (_case, env, exposure) => {
    expect(gatewaySettingsFromEnv(env).exposure).toEqual(exposure);
  });

  it('reads limits and buckets, and keeps the defaults of the others', () => {
    const { limits, corsOrigins } = gatewaySettingsFromEnv({
      OPERATION_MAX_COST: '8000',
      RATE_LIMIT_BRAND: '10:2.5',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(limits.maxCost).toBe(8000);
    expect(limits.maxDepth).toBe(10);
    expect(limits.rateLimits.BRAND).toEqual({ burst: 10, perSecond: 2.5 });
    expect(corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
