import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';
import type { Identity } from '@nuage/platform';

export const ALGORITHM = 'ES256';
export const ISSUER = 'nuage-public';
export const AUDIENCE = 'nuage-public-api';

export interface DevKeys {
  privateKeyPath: string;
  publicKeyPath: string;
}

/** A local signing key pair for development tokens, made once and kept in the data folder. */
export async function ensureDevKeys(dir: string): Promise<DevKeys> {
  const keys = { privateKeyPath: `${dir}/jwt-private.pem`, publicKeyPath: `${dir}/jwt-public.pem` };
  if (!existsSync(keys.privateKeyPath)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    writeFileSync(keys.privateKeyPath, await exportPKCS8(privateKey), { mode: 0o600 });
    writeFileSync(keys.publicKeyPath, await exportSPKI(publicKey));
  }
  return keys;
}

/**
 * Signs bearer tokens with the local key, as an identity provider would, living `lifetimeSeconds`
 * (12 h, the most the gateway accepts); `tokenId` makes each token distinct.
 */
export async function tokenSigner(keys: DevKeys, lifetimeSeconds = 12 * 3600) {
  const key = await importPKCS8(readFileSync(keys.privateKeyPath, 'utf8'), ALGORITHM);
  return (identity: Identity, tokenId?: string): Promise<string> => {
    const { userId, ...claims } = identity;
    // One clock reading for both: read twice, a second boundary between them made a 12 h token
    // look one second longer than allowed.
    const now = Math.floor(Date.now() / 1000);
    const token = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds);
    return (tokenId ? token.setJti(tokenId) : token).sign(key);
  };
}

/** Signs a bearer token for an identity with the local key. */
export async function signToken(keys: DevKeys, identity: Identity, lifetimeSeconds?: number): Promise<string> {
  return (await tokenSigner(keys, lifetimeSeconds))(identity);
}

/** Signs exactly these claims with the local key (no `iat` or `exp` added): for tests of malformed or abusive tokens. */
export async function signClaims(keys: DevKeys, claims: Record<string, unknown>): Promise<string> {
  const key = await importPKCS8(readFileSync(keys.privateKeyPath, 'utf8'), ALGORITHM);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, ...claims }).setProtectedHeader({ alg: ALGORITHM }).sign(key);
}
