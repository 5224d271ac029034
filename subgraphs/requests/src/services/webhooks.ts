import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { conflict, invalid, invalidTransition, paginate, type Identity, type PageArgs } from '@nuage/platform';
import { type EventType, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../entities/index.js';
import type { WebhookPolicy } from '../settings.js';
import { assertMay, deliveriesFor, endpointsFor, webhookOwnerOf } from './access.js';
import { queueDelivery } from './webhook-deliveries.js';

/** Addresses a public endpoint may not resolve to: loopback, private and link-local networks (no calls into ours). */
const PRIVATE_NETWORKS = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv6');

const urlProblem = (fr: string, en: string) => invalid('input.url', { fr, en });

/**
 * An endpoint's address: HTTPS, with a host that resolves to a public address, unless the host is
 * one the operator allows (`WEBHOOK_ALLOWED_HOSTS`: loopback in tests, a private network).
 */
export async function checkedEndpointUrl(text: string, policy: WebhookPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw urlProblem("Cette adresse n'est pas une URL.", 'This address is not a URL.');
  }
  if (url.username || url.password)
    throw urlProblem("L'adresse ne porte pas d'identifiants.", 'The address carries no credentials.');
  if (policy.allowedHosts.includes(url.hostname) && /^https?:$/.test(url.protocol)) return url.toString();
  if (url.protocol !== 'https:')
    throw urlProblem('Un point de réception est en HTTPS.', 'A webhook endpoint uses HTTPS.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true }).catch(() => []);
  if (!addresses.length) throw urlProblem(`Le nom ${host} ne se résout pas.`, `The name ${host} does not resolve.`);
  if (addresses.some(({ address, family }) => PRIVATE_NETWORKS.check(address, family === 6 ? 'ipv6' : 'ipv4')))
    throw urlProblem(`Le nom ${host} mène à une adresse privée.`, `The name ${host} leads to a private address.`);
  return url.toString();
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function checkedDescription(description: string | null | undefined): string | null {
  const text = description?.trim() || null;
  if (text && text.length > 200)
    throw invalid('input.description', {
      fr: 'Une description tient en 200 caractères.',
      en: 'A description is 200 characters at most.',
    });
  return text;
}

export interface EndpointInput {
  url: string;
  eventTypes: EventType[];
  description?: string | null;
}

/** Registers an endpoint of the caller's brand, entity or market; its secret is returned this once. */
export async function createEndpoint(em: EntityManager, caller: Identity, input: EndpointInput, policy: WebhookPolicy) {
  assertMay(caller, 'webhook:manage');
  const url = await checkedEndpointUrl(input.url, policy);
  const endpoint = em.create(WebhookEndpoint, {
    ...webhookOwnerOf(caller),
    url,
    eventTypes: [...new Set(input.eventTypes)],
    description: checkedDescription(input.description),
    secret: newSecret(),
  });
  await saved(em.persist(endpoint));
  return { endpoint, secret: endpoint.secret };
}

/** One endpoint per address and owner: a retried registration does not double every delivery. */
async function saved(em: EntityManager) {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw conflict(
        {
          fr: 'Cette adresse est déjà enregistrée : faites tourner son secret pour en obtenir un nouveau.',
          en: 'This address is already registered: rotate its secret to get a new one.',
        },
        'input.url',
      );
    throw error;
  }
}

export interface EndpointChanges {
  url?: string | null;
  eventTypes?: EventType[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

/** Changes one of the caller's endpoints; enabled again, it starts afresh (its failure count back to 0). */
export async function updateEndpoint(
  em: EntityManager,
  caller: Identity,
  id: string,
  changes: EndpointChanges,
  policy: WebhookPolicy,
) {
  assertMay(caller, 'webhook:manage');
  const endpoint = await endpointsFor(em, caller).get(id);
  if (changes.url != null) endpoint.url = await checkedEndpointUrl(changes.url, policy);
  if (changes.eventTypes != null) endpoint.eventTypes = [...new Set(changes.eventTypes)];
  if (changes.description !== undefined) endpoint.description = checkedDescription(changes.description);
  if (changes.enabled != null && changes.enabled !== endpoint.enabled) {
    Object.assign(endpoint, { enabled: changes.enabled, consecutiveFailures: 0, disabledAt: null });
  }
  await saved(em);
  return endpoint;
}

/** A new secret, shown this once; the previous one still signs for a while, so receivers switch without a gap. */
export async function rotateSecret(em: EntityManager, caller: Identity, id: string, policy: WebhookPolicy) {
  assertMay(caller, 'webhook:manage');
  const endpoint = await endpointsFor(em, caller).get(id);
  Object.assign(endpoint, {
    previousSecret: endpoint.secret,
    previousSecretExpiresAt: new Date(Date.now() + policy.secretOverlapMs),
    secret: newSecret(),
  });
  await em.flush();
  return { endpoint, secret: endpoint.secret };
}

export async function deleteEndpoint(em: EntityManager, caller: Identity, id: string) {
  assertMay(caller, 'webhook:manage');
  const endpoint = await endpointsFor(em, caller).get(id);
  await em.remove(endpoint).flush();
  return endpoint;
}

export function listEndpoints(em: EntityManager, caller: Identity, page: PageArgs) {
  assertMay(caller, 'webhook:manage');
  return paginate(em, WebhookEndpoint, endpointsFor(em, caller).where(), [{ createdAt: 'asc' }, { id: 'asc' }], page);
}

/** An endpoint's delivery log, latest first. */
export function listDeliveries(em: EntityManager, caller: Identity, endpointId: string, page: PageArgs) {
  return paginate(
    em,
    WebhookDelivery,
    deliveriesFor(em, caller).where({ endpoint: endpointId }),
    [{ createdAt: 'desc' }, { id: 'desc' }],
    page,
  );
}

/** Sends a delivery again, whatever became of it (with a fresh round of retries); another owner's is NOT_FOUND. */
export async function replayDelivery(em: EntityManager, caller: Identity, id: string) {
  assertMay(caller, 'webhook:manage');
  return em.transactional(async (tx) => {
    const delivery = await deliveriesFor(tx, caller).get(id, { lock: true, populate: ['endpoint'] });
    if (!delivery.endpoint.enabled)
      throw invalidTransition({
        fr: 'Ce point de réception est désactivé : réactivez-le avant de renvoyer.',
        en: 'This endpoint is disabled: enable it again before replaying.',
      });
    delivery.status = WebhookDeliveryStatus.PENDING;
    queueDelivery(tx, delivery, `replay-${delivery.attempts}-${Date.now()}`);
    return delivery;
  });
}
