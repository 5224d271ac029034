import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RATE_LIMITED, type Bilingual, type Locale } from '@nuage/contracts';

const TOO_MANY: Bilingual = {
  fr: 'Trop de requêtes sans jeton depuis cette adresse ; réessayez dans {s} s.',
  en: 'Too many requests without a token from this address; retry in {s} s.',
};

/**
 * Calls without a token (an invitation's token checked, an account activated, the schema read)
 * are limited per client address: guessing invitation tokens must cost more than it can win.
 * Kept in memory, per gateway process (each replica counts its own).
 */
export function anonymousRateLimit(perMinute: number) {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async function consume(address: string, locale: Locale): Promise<void> {
    try {
      await limiter.consume(address);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.ceil(refusal.msBeforeNext / 1000);
      // Apollo Server sends `extensions.http` as the response's status and headers (a HeaderMap;
      // graphql-yoga's typings, loaded for GraphiQL, declare a plain record instead).
      const http = { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) } as never;
      throw new GraphQLError(TOO_MANY[locale].replace('{s}', String(seconds)), {
        extensions: { code: RATE_LIMITED, retryAfterSeconds: seconds, http },
      });
    }
  };
}
