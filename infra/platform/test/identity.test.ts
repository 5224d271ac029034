import { describe, expect, it } from 'vitest';
import { Role } from '@nuage/contracts';
import { identityFromClaims, signIdentity, verifyIdentity } from '../src/index.js';

const secret = 'test-secret';
const clara = { userId: 'u1', role: Role.BENEFICIARY, name: 'Clara Maurice', entityId: 'e1' };

describe('identity signed by the gateway', () => {
  it('is read back by a subgraph that knows the secret', () => {
    expect(verifyIdentity(signIdentity(clara, secret), secret)).toEqual(clara);
  });

  it('is refused when signed with another secret, tampered with, or expired', () => {
    expect(verifyIdentity(signIdentity(clara, 'other'), secret)).toBeNull();
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
