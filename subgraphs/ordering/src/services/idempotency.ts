import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { sql, conflict, invalid, type Identity } from '@nuage/platform';
import { IdempotencyKey } from '../entities/index.js';

/**
 * Runs a supplier's call once per idempotency key, in one transaction: a retry with the same key
 * and the same input returns what the first call left (read again by `load`) and does nothing
 * else; the same key for another call is a CONFLICT.
 */
export async function once<T extends { id: string }>(
  em: EntityManager,
  caller: Identity,
  key: string,
  call: { operation: string; input: unknown },
  load: (tx: EntityManager, id: string) => Promise<T>,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (!/^[\w-]{8,100}$/.test(key))
    throw invalid('idempotencyKey', {
      fr: "Une clé d'idempotence compte de 8 à 100 lettres, chiffres, - ou _ (un UUID par exemple).",
      en: 'An idempotency key is 8 to 100 letters, digits, - or _ (a UUID, say).',
    });
  const fingerprint = createHash('sha256').update(JSON.stringify(call)).digest('hex');
  const replay = async (tx: EntityManager) => {
    const seen = await tx.findOne(IdempotencyKey, { brandId: caller.brandId!, key });
    if (!seen) return null;
    if (seen.fingerprint !== fingerprint)
      throw conflict(
        {
          fr: "Cette clé d'idempotence a servi à un autre appel.",
          en: 'This idempotency key was used for another call.',
        },
        'idempotencyKey',
      );
    return load(tx, seen.resultId);
  };
  try {
    return await em.transactional(async (tx) => {
      const previous = await replay(tx);
      if (previous) return previous;
      const result = await work(tx);
      tx.persist(
        tx.create(IdempotencyKey, {
          brandId: caller.brandId!,
          key,
          operation: call.operation,
          fingerprint,
          resultId: result.id,
        }),
      );
      return result;
    });
  } catch (error) {
    // Two retries racing: the loser finds the winner's key and answers with its result.
    if (error instanceof UniqueConstraintViolationException) {
      const previous = await replay(em.fork());
      if (previous) return previous;
    }
    throw error;
  }
}

/** The next number of a kind of document, in the guide's format: a prefix and six digits (`DC041181`). */
export async function nextNumber(em: EntityManager, sequence: string, prefix: string): Promise<string> {
  const [row] = await sql<{ n: string }[]>(em, `select nextval('${sequence}') as n`);
  return `${prefix}${String(row!.n).padStart(6, '0')}`;
}
