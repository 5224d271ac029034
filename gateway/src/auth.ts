import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DomainError, identityFromClaims, type Identity } from '@nuage/platform';
import { ErrorCode, type Bilingual } from '@nuage/contracts';

export interface AuthConfig {
  /** A JWKS endpoint (production identity provider)… */
  jwksUrl?: string;
  /** …or a PEM public key (SPKI) to verify tokens with. */
  publicKeyPem?: string;
  algorithm: string;
  issuer: string;
  audience: string;
  /** The longest a token may live, from its issue to its expiry, in seconds (12 h by default). */
  maxTokenLifetimeSeconds?: number;
}

/** Tokens are short-lived: one that claims to live longer than this was not issued by a provider we trust. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far the issuer's clock may be ahead of ours. */
const CLOCK_SKEW_SECONDS = 60;

/** An authentication failure, with its reason. */
export const refuse = (reason: Bilingual) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, {
    fr: `Échec de l'authentification : ${reason.fr}.`,
    en: `Authentication failed: ${reason.en}.`,
  });

/** Verifies `Authorization: Bearer <jwt>`; returns null when there is no token at all. */
export async function createTokenVerifier(config: AuthConfig) {
  const key: CryptoKey | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : await importSPKI(config.publicKeyPem as string, config.algorithm);

  const maxLifetime = config.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  return async function verify(authorization: string | undefined): Promise<Identity | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match)
      throw refuse({
        fr: "l'en-tête Authorization doit être « Bearer <jeton> »",
        en: 'the Authorization header must be "Bearer <token>"',
      });
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1] as string, key as never, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: [config.algorithm],
        // Issued in the past (within the skew) and expiring: jose checks `iat` against now with maxTokenAge.
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: maxLifetime,
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw refuse(
        code === 'ERR_JWT_EXPIRED'
          ? { fr: 'le jeton a expiré', en: 'the token has expired' }
          : { fr: "le jeton n'est pas valide", en: 'the token is not valid' },
      );
    }
    if ((payload.exp as number) - (payload.iat as number) > maxLifetime) {
      throw refuse({
        fr: `un jeton vit ${maxLifetime / 3600} h au plus`,
        en: `a token lives ${maxLifetime / 3600} h at most`,
      });
    }
    const identity = identityFromClaims(payload);
    if (typeof identity === 'string') throw refuse({ fr: `jeton refusé (${identity})`, en: identity });
    return identity;
  };
}
