import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (data: string, key: string) => createHmac('sha256', key).update(data).digest('base64url');

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * HMAC-SHA256 keys of one purpose (identities, events, metrics), rotated without downtime: the
 * first key signs, every key verifies. To rotate, deploy `new,old` everywhere, then `new` once
 * nothing signed with the old one is still in flight.
 */
export class KeyRing {
  readonly keys: readonly string[];

  constructor(keys: readonly string[] | string) {
    this.keys = typeof keys === 'string' ? [keys] : keys;
    if (!this.keys.length) throw new Error('A key ring needs at least one key.');
  }

  sign(data: string): string {
    return mac(data, this.keys[0]!);
  }

  verify(data: string, signature: string): boolean {
    return this.keys.some((key) => sameText(mac(data, key), signature));
  }

  /** Whether `token` is one of the keys itself (a bearer token, as Prometheus sends one). */
  holds(token: string): boolean {
    return this.keys.some((key) => sameText(key, token));
  }
}

/** JSON with object keys sorted at every level: the same value gives the same text, whatever stored it (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
