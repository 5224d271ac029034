import { describe, expect, it } from 'vitest';
import { gatewaySettingsFromEnv } from '../src/settings.js';

describe('gateway settings from the environment', () => {
  it('names every bad value, with why, and starts nothing', () => {
    expect(() =>
      gatewaySettingsFromEnv({ OPERATION_MAX_DEPTH: 'deep', RATE_LIMIT_SUPPLIER: '10', CORS_ORIGINS: 'ftp://x' }),
    ).toThrow(
      /OPERATION_MAX_DEPTH=deep[\s\S]*RATE_LIMIT_SUPPLIER=10: expected "<burst>:<per second>"[\s\S]*CORS_ORIGINS=ftp:\/\/x/,
    );
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
