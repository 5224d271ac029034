import { describe, expect, it } from 'vitest';
import { Role } from '@nuage/contracts';
import {
  identityFromClaims,
  isServiceCall,
  KeyRing,
  signIdentity,
  signServiceCall,
  verifyIdentity,
} from '../src/index.js';

const secret = new KeyRing('test-secret');
const clara = { userId: 'u1', role: Role.BENEFICIARY, name: 'Clara Maurice', entityId: 'e1' };

describe('identity signed by the gateway', () => {
  it('is read back by a subgraph that knows the secret', () => {
    expect(verifyIdentity(signIdentity(clara, secret), secret)).toEqual(clara);
  });

  it('is refused when signed with another secret, tampered with, or expired', () => {
    expect(verifyIdentity(signIdentity(clara, new KeyRing('other')), secret)).toBeNull();
    const [payload, signature] = signIdentity(clara, secret).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...clara, role: Role.MARKET_HOLDER, exp: Date.now() + 60_000 }),
    ).toString('base64url');
    expect(verifyIdentity(`${forged}.${signature}`, secret)).toBeNull();
    expect(verifyIdentity(`${payload}`, secret)).toBeNull();
    expect(verifyIdentity(signIdentity(clara, secret, Date.now() - 10 * 60_000), secret)).toBeNull();
    expect(verifyIdentity(undefined, secret)).toBeNull();
  });
});

describe('key rotation', () => {
  const old = new KeyRing('old-key');
  const rotating = new KeyRing(['new-key', 'old-key']);
  const rotated = new KeyRing('new-key');

  it('accepts identities signed with the old key and the new one while both are listed, signing with the new one', () => {
    expect(verifyIdentity(signIdentity(clara, old), rotating)).toEqual(clara);
    expect(verifyIdentity(signIdentity(clara, rotating), old)).toBeNull();
    expect(verifyIdentity(signIdentity(clara, rotating), rotated)).toEqual(clara);
  });

  it('refuses the old key once it is removed', () => {
    expect(verifyIdentity(signIdentity(clara, old), rotated)).toBeNull();
    expect(isServiceCall(`Bearer ${signServiceCall(old)}`, rotated)).toBe(false);
  });

  it('accepts a service call signed with a listed key, not an expired or tampered one', () => {
    expect(isServiceCall(`Bearer ${signServiceCall(old)}`, rotating)).toBe(true);
    expect(isServiceCall(`Bearer ${signServiceCall(rotating, Date.now() - 10 * 60_000)}`, rotating)).toBe(false);
    const [, exp, mac] = signServiceCall(rotating).split('.');
    expect(isServiceCall(`Bearer service.${Number(exp) + 1}.${mac}`, rotating)).toBe(false);
    expect(isServiceCall('Bearer new-key', rotating)).toBe(false);
  });
});

describe('token claims', () => {
  it('require an entity for beneficiaries and managers and a brand for suppliers', () => {
    expect(identityFromClaims({ sub: 'u', role: 'BENEFICIARY' })).toMatch(/entityId/);
    expect(identityFromClaims({ sub: 'u', role: 'SUPPLIER' })).toMatch(/brandId/);
    expect(identityFromClaims({ sub: 'u', role: 'ADMIN' })).toMatch(/role/);
    expect(identityFromClaims({ role: 'ANALYST' })).toMatch(/subject/);
    expect(identityFromClaims({ sub: 'u', role: 'SUPPLIER', brandId: 'b', name: 'S' })).toEqual({
      userId: 'u',
      role: Role.SUPPLIER,
      name: 'S',
      brandId: 'b',
    });
  });
});
