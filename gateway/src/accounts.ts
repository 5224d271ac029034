import { LRUCache } from 'lru-cache';
import { GraphQLError } from 'graphql';
import { isUuid, signServiceCall, type Identity, type KeyRing } from '@nuage/platform';
import { SERVICE_UNAVAILABLE } from '@nuage/contracts';
import { refuse } from './auth.js';

/** What the requests subgraph, which knows people, says of an account. */
interface Standing {
  active: boolean;
  role: string;
  entityId: string | null;
  brandId: string | null;
}

export interface AccountCheckOptions {
  /** The requests subgraph's base URL. */
  requestsUrl: string;
  /** Signs the gateway's calls to the requests subgraph's internal route. */
  keys: KeyRing;
  /** How long an answer is reused: a deactivation takes effect within it (30 s by default; 0, never reused). */
  cacheMs?: number;
}

const cannotCheck = () =>
  new GraphQLError('Accounts cannot be checked right now; retry in a moment.', {
    extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503 } },
  });

/**
 * A valid signature is not enough: the account must exist, be active, and hold the role, entity
 * and brand the token claims. The gateway asks the requests subgraph and keeps each answer briefly
 * (bounded cache), so that a deactivated person's tokens stop working without a call per request.
 */
export function accountChecker(options: AccountCheckOptions) {
  const ttl = options.cacheMs ?? 30_000;
  const cache = new LRUCache<string, Standing | 'unknown'>({ max: 10_000, ttl: Math.max(ttl, 1) });
  const standingOf = async (userId: string): Promise<Standing | 'unknown'> => {
    const cached = cache.get(userId);
    if (cached) return cached;
    let response: Response;
    try {
      response = await fetch(new URL(`/internal/accounts/${encodeURIComponent(userId)}`, options.requestsUrl), {
        headers: { authorization: `Bearer ${signServiceCall(options.keys)}` },
        signal: AbortSignal.timeout(2_000),
      });
    } catch {
      throw cannotCheck();
    }
    if (response.status !== 200 && response.status !== 404) throw cannotCheck();
    const standing = response.status === 404 ? 'unknown' : ((await response.json()) as Standing);
    if (ttl > 0) cache.set(userId, standing);
    return standing;
  };
  return async function assertMayAct(identity: Identity): Promise<void> {
    // Person ids are UUIDs: anything else is not an account, and is not worth a call.
    const standing = isUuid(identity.userId) ? await standingOf(identity.userId) : 'unknown';
    if (standing === 'unknown') throw refuse({ fr: "ce compte n'existe pas", en: 'this account does not exist' });
    if (!standing.active) throw refuse({ fr: 'ce compte a été désactivé', en: 'this account has been deactivated' });
    if (
      standing.role !== identity.role ||
      (standing.entityId ?? undefined) !== identity.entityId ||
      (standing.brandId ?? undefined) !== identity.brandId
    ) {
      throw refuse({
        fr: 'le jeton ne correspond pas au compte (rôle, entité ou marque)',
        en: 'the token does not match the account (role, entity or brand)',
      });
    }
  };
}
