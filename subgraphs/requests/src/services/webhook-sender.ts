import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sql, type EffectHandlers } from '@nuage/platform';
import {
  NotificationKind,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookOwner,
} from '../entities/index.js';
import type { WebhookPolicy } from '../settings.js';
import { announce } from './announcements.js';
import { notify, recipients, type Audience } from './notifications.js';
import { eventBody, signatureHeader, signingSecrets } from './webhook-deliveries.js';

/** Who hears that an owner's endpoint was disabled. */
const ownersPeople: Record<WebhookOwner, Audience> = { BRAND: 'SUPPLIERS', ENTITY: 'MANAGERS', MARKET: 'UGAP' };

/** Makes one attempt of a webhook delivery, records its outcome, and fails (for a retry) unless answered 2xx. */
export class WebhookSender {
  constructor(
    private readonly orm: MikroORM,
    private readonly policy: WebhookPolicy,
  ) {}

  async deliver(deliveryId: string, attempt: { last: boolean }): Promise<void> {
    const em = this.orm.em.fork();
    const delivery = await em.findOne(WebhookDelivery, deliveryId, { populate: ['endpoint', 'event'] });
    if (!delivery || delivery.status === WebhookDeliveryStatus.SUCCEEDED) return;
    const { endpoint, event } = delivery;
    if (!endpoint.enabled) {
      delivery.status = WebhookDeliveryStatus.SKIPPED;
      await em.flush();
      return;
    }
    const body = eventBody(event);
    const started = performance.now();
    let code: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.policy.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'NuagePublic-Webhooks/1.0',
          'nuage-signature': signatureHeader(body, signingSecrets(endpoint)),
          'nuage-event-id': event.id,
          'nuage-event-type': event.type,
          'nuage-delivery-id': delivery.id,
        },
      });
      code = response.status;
      await response.body?.cancel();
    } catch (failure) {
      error = (failure as Error).name === 'TimeoutError' ? 'timeout' : String((failure as Error).cause ?? failure);
    }
    const received = code !== null && code >= 200 && code < 300;
    Object.assign(delivery, {
      attempts: delivery.attempts + 1,
      lastAttemptAt: new Date(),
      lastResponseCode: code,
      lastLatencyMs: Math.round(performance.now() - started),
      lastError: error,
      status: received
        ? WebhookDeliveryStatus.SUCCEEDED
        : attempt.last
          ? WebhookDeliveryStatus.FAILED
          : WebhookDeliveryStatus.RETRYING,
      deliveredAt: received ? new Date() : null,
    });
    await em.flush();
    // Counted in one statement: attempts to one endpoint run side by side.
    const [counted] = await sql<{ failures: number }[]>(
      em,
      `update webhook_endpoint set consecutive_failures = case when ? then 0 else consecutive_failures + 1 end
        where id = ? returning consecutive_failures as failures`,
      [received, endpoint.id],
    );
    if (!received && counted && counted.failures >= this.policy.disableAfterFailures)
      await em.transactional((tx) => this.disable(tx, endpoint.id));
    if (!received) throw new Error(`The webhook endpoint answered ${code ?? error} (delivery ${delivery.id}).`);
  }

  /** Disables an endpoint that failed too often in a row (once: the first to get there), and tells its owner. */
  private async disable(em: EntityManager, endpointId: string) {
    const disabled = await sql<{ id: string }[]>(
      em,
      'update webhook_endpoint set enabled = false, disabled_at = now() where id = ? and enabled returning id',
      [endpointId],
    );
    if (!disabled.length) return;
    const endpoint = await em.findOneOrFail(WebhookEndpoint, endpointId, { refresh: true });
    const summary = {
      fr: `Le point de réception ${endpoint.url} est désactivé après ${endpoint.consecutiveFailures} échecs consécutifs`,
      en: `The webhook endpoint ${endpoint.url} was disabled after ${endpoint.consecutiveFailures} failures in a row`,
    };
    const entityId = endpoint.ownerType === WebhookOwner.ENTITY ? endpoint.ownerId : null;
    const brandIds = endpoint.ownerType === WebhookOwner.BRAND && endpoint.ownerId ? [endpoint.ownerId] : [];
    await announce(em, {
      type: 'WEBHOOK_ENDPOINT_DISABLED',
      entityId,
      brandIds,
      subjectType: null,
      subjectId: endpoint.id,
      reference: endpoint.url,
      fileId: null,
      orderId: null,
      actorRole: 'SYSTEM',
      summary,
    });
    const people = await recipients(em, [ownersPeople[endpoint.ownerType]], { entityId, brandIds });
    notify(em, people, {
      kind: NotificationKind.WEBHOOK_ENDPOINT_DISABLED,
      summary,
      fileId: null,
      subjectType: null,
      subjectId: null,
      reference: endpoint.url,
    });
  }
}

/** The `webhook` effect: one attempt per job; a failure is retried on the webhook queue's own schedule. */
export const webhookEffects: EffectHandlers<{ webhooks: WebhookSender }> = {
  webhook: ({ deliveryId }, { services, attempt }) => services.webhooks.deliver(deliveryId, attempt),
};
