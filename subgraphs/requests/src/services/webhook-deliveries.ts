import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueEffect, sql } from '@nuage/platform';
import { type FeedEvent, WebhookDelivery, type WebhookEndpoint } from '../entities/index.js';

declare module '@nuage/platform' {
  interface EffectPayloads {
    /** One event to one endpoint, sent after the transaction that recorded it commits (and retried for days). */
    webhook: { deliveryId: string };
  }
}

/**
 * Queues an event for every enabled endpoint that wants it and whose owner may see it (one query):
 * the market's, the entity's, the brands'. Sent after commit, never from inside the transaction,
 * and the mutation does not wait for someone else's server.
 */
export async function sendToEndpoints(em: EntityManager, event: FeedEvent): Promise<void> {
  const endpoints = await sql<{ id: string }[]>(
    em,
    `select id from webhook_endpoint
      where enabled and (cardinality(event_types) = 0 or ? = any(event_types))
        and (owner_type = 'MARKET' or (owner_type = 'ENTITY' and owner_id = ?)
             or (owner_type = 'BRAND' and owner_id = any(?::uuid[])))`,
    [event.type, event.entityId, `{${event.brandIds.join(',')}}`],
  );
  for (const { id } of endpoints) queueDelivery(em, em.create(WebhookDelivery, { endpoint: id, event }));
}

/** Sends (again) a delivery after commit; `attempt` tells a replay's job apart from the first. */
export function queueDelivery(em: EntityManager, delivery: WebhookDelivery, attempt = 'first') {
  em.persist(delivery);
  enqueueEffect(em, 'webhook', { deliveryId: delivery.id }, `${delivery.id}/${attempt}`, { awaited: false });
}

/** What an endpoint receives: the event, as JSON (the same for every attempt). */
export function eventBody(event: FeedEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.createdAt.toISOString(),
    subject: event.subjectType ? { type: event.subjectType, id: event.subjectId, reference: event.reference } : null,
    requestId: event.fileId,
    orderId: event.orderId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorRole: event.actorRole,
    summary: { fr: event.summaryFr, en: event.summaryEn },
  });
}

/**
 * The `Nuage-Signature` header, as Stripe signs: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`,
 * one `v1` per secret still valid (both, for a while after a rotation).
 */
export function signatureHeader(body: string, secrets: string[], at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
  return [`t=${t}`, ...signatures].join(',');
}

/** The secrets that sign now: the current one, and the previous one until it expires. */
export const signingSecrets = (endpoint: WebhookEndpoint, now = Date.now()): string[] =>
  endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > now
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];
