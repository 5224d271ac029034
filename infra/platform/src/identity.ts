import type { KeyRing } from './signing.js';
import { registerEnumType } from 'type-graphql';
import { BUYER_ROLES, Role } from '@nuage/contracts';

// Registered here, where the schema is built; the contract itself carries no GraphQL.
registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do on the market.',
  valuesConfig: {
    BENEFICIARY: {
      description: 'Agent of a public body: builds requests, accepts proposals, follows orders (bénéficiaire).',
    },
    MANAGER: { description: "Manager of a public body: approves its agents' purchases (manager)." },
    SUPPLIER: { description: 'A referenced cloud provider: answers requests of its brand, delivers (fournisseur).' },
    MARKET_HOLDER: { description: 'The market holder: runs the catalogue and supports buyers (titulaire).' },
    UGAP: { description: 'UGAP, the central purchasing body: validates orders and invoices.' },
    ANALYST: { description: 'Reads everything across the market, writes nothing.' },
  },
});

/** Who is calling, as the gateway verified it. */
export interface Identity {
  userId: string;
  role: Role;
  name: string;
  /** Set for beneficiaries and managers: the public entity they act for. */
  entityId?: string;
  /** The entity's name as the identity provider knows it, for documents printed for the buyer. */
  entityName?: string;
  /** Set for suppliers: the brand (cloud provider) they act for. */
  brandId?: string;
}

/** The header that carries the gateway-signed identity to the subgraphs. */
export const IDENTITY_HEADER = 'x-nuage-identity';
const IDENTITY_TTL_MS = 5 * 60_000;

/**
 * Checks the claims of a token and returns the identity they describe, or the reason they don't.
 * Beneficiaries and managers must name their entity, suppliers their brand.
 */
export function identityFromClaims(claims: Record<string, unknown>): Identity | string {
  const { sub, role, name, entityId, entityName, brandId } = claims;
  if (typeof sub !== 'string' || sub === '') return 'the token has no subject';
  if (typeof role !== 'string' || !Object.hasOwn(Role, role)) return 'the token has no valid role';
  const identity: Identity = { userId: sub, role: role as Role, name: typeof name === 'string' ? name : sub };
  if ((BUYER_ROLES as readonly Role[]).includes(identity.role)) {
    if (typeof entityId !== 'string' || entityId === '') return `a ${role} token must name its entityId`;
    identity.entityId = entityId;
    if (typeof entityName === 'string' && entityName !== '') identity.entityName = entityName;
  }
  if (identity.role === Role.SUPPLIER) {
    if (typeof brandId !== 'string' || brandId === '') return 'a SUPPLIER token must name its brandId';
    identity.brandId = brandId;
  }
  return identity;
}

/**
 * Signs an identity for the subgraphs. Only the gateway and the subgraphs know the secret, so a
 * client that calls a subgraph directly cannot claim to be someone.
 */
export function signIdentity(identity: Identity, keys: KeyRing, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...identity, exp: now + IDENTITY_TTL_MS })).toString('base64url');
  return `${payload}.${keys.sign(payload)}`;
}

/** The identity in a signed header, or null when it is missing, forged or expired. */
export function verifyIdentity(header: string | undefined, keys: KeyRing, now = Date.now()): Identity | null {
  if (!header) return null;
  const [payload, signature] = header.split('.');
  if (!payload || !signature || !keys.verify(payload, signature)) return null;
  try {
    const { exp, ...claims } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof exp !== 'number' || exp < now) return null;
    const identity = identityFromClaims({ ...claims, sub: claims.userId });
    return typeof identity === 'string' ? null : identity;
  } catch {
    return null;
  }
}

/** What a service sends to call another's internal routes (`Authorization: Bearer …`): signed with the identity keys, short-lived. */
export function signServiceCall(keys: KeyRing, now = Date.now()): string {
  const claim = `service.${now + IDENTITY_TTL_MS}`;
  return `${claim}.${keys.sign(claim)}`;
}

/** Whether an `Authorization` header carries a service call signed with one of these keys and not expired. */
export function isServiceCall(authorization: string | undefined, keys: KeyRing, now = Date.now()): boolean {
  const match = /^Bearer (service\.(\d+))\.([\w-]+)$/.exec(authorization ?? '');
  return !!match && Number(match[2]) >= now && keys.verify(match[1]!, match[3]!);
}
