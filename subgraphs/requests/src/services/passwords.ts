import type { Bilingual } from '@nuage/contracts';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt as OWASP recommends it (N=2^17, r=8, p=1): memory-hard, so guessing is costly.
const PARAMS: ScryptOptions = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 64;

const derive = (password: string, salt: Buffer, params: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, params, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** A self-describing hash: `scrypt$N$r$p$salt$key` (base64url), so parameters can grow later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What a password must be: 12 characters at least, as ANSSI recommends without other rules. */
export function passwordProblem(password: string): Bilingual | null {
  if ([...password].length < 12)
    return { fr: 'Un mot de passe compte au moins 12 caractères.', en: 'A password has 12 characters at least.' };
  if ([...password].length > 200)
    return { fr: 'Un mot de passe compte au plus 200 caractères.', en: 'A password has 200 characters at most.' };
  return null;
}
