import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { TokenBucket } from 'limiter';
import { RATE_LIMITED, Role, type Bilingual, type Locale } from '@nuage/contracts';
import type { Identity } from '@nuage/platform';
import type { BucketOwner, BucketSize } from './config.js';

const TOO_MANY: Record<'person' | 'brand' | 'address', Bilingual> = {
  person: {
    fr: 'Trop de requêtes de votre compte ; réessayez dans {s} s.',
    en: 'Too many requests from your account; retry in {s} s.',
  },
  brand: {
    fr: 'Trop de requêtes des comptes de votre marque ; réessayez dans {s} s.',
    en: "Too many requests from your brand's accounts; retry in {s} s.",
  },
  address: {
    fr: 'Trop de requêtes sans jeton depuis cette adresse ; réessayez dans {s} s.',
    en: 'Too many requests without a token from this address; retry in {s} s.',
  },
};

/** A bucket full at first: a caller starts with its whole burst. */
function fullBucket(size: BucketSize, parentBucket?: TokenBucket): TokenBucket {
  const bucket = new TokenBucket({
    bucketSize: size.burst,
    tokensPerInterval: size.perSecond,
    interval: 'second',
    parentBucket,
  });
  bucket.content = size.burst;
  return bucket;
}

/**
 * Token buckets per caller: one per person, sized by role; a supplier's also draws on its brand's
 * bucket, shared by every account of the brand; callers without a token, one per client address.
 * Each gateway process keeps its own buckets (see the README on replicas); idle ones are forgotten
 * once full again, so memory follows the active callers.
 */
export function callerRateLimits(sizes: Record<BucketOwner, BucketSize>) {
  const longestRefillMs = Math.max(...Object.values(sizes).map((size) => (size.burst / size.perSecond) * 1000));
  const buckets = new LRUCache<string, TokenBucket>({ max: 100_000, ttl: longestRefillMs, updateAgeOnGet: true });
  const bucketOf = (key: string, size: BucketSize, parent?: TokenBucket) => {
    const known = buckets.get(key);
    // A brand's bucket forgotten and made anew: its people draw on the new one.
    if (known && parent) known.parentBucket = parent;
    if (known) return known;
    const bucket = fullBucket(size, parent);
    buckets.set(key, bucket);
    return bucket;
  };

  /** Takes one call from the caller's bucket, or throws RATE_LIMITED (HTTP 429, `Retry-After`). */
  return function takeCall(identity: Identity | null, address: string, locale: Locale): void {
    let bucket: TokenBucket;
    let brand: TokenBucket | undefined;
    if (!identity) bucket = bucketOf(`address:${address}`, sizes.ANONYMOUS);
    else {
      if (identity.role === Role.SUPPLIER && identity.brandId)
        brand = bucketOf(`brand:${identity.brandId}`, sizes.BRAND);
      bucket = bucketOf(`person:${identity.userId}`, sizes[identity.role], brand);
    }
    if (bucket.tryRemoveTokens(1)) return;
    const whose = !identity ? 'address' : brand && brand.content < 1 ? 'brand' : 'person';
    const seconds = Math.max(1, Math.ceil(bucket.getWaitTime(1) / 1000));
    // Apollo Server sends `extensions.http` as the response's status and headers (a HeaderMap;
    // graphql-yoga's typings, loaded for GraphiQL, declare a plain record instead).
    const http = { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) } as never;
    throw new GraphQLError(TOO_MANY[whose][locale].replace('{s}', String(seconds)), {
      extensions: { code: RATE_LIMITED, retryAfterSeconds: seconds, bucket: whose, http },
    });
  };
}
