import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  Dec,
  formatEuros,
  sql,
  invalid,
  notFound,
  paginate,
  publish,
  startOfParisDay,
  take,
  type Identity,
  type PageArgs,
  assertMayTake,
} from '@nuage/platform';
import { attachDocuments, type MessageInput, postMessage, type ThreadAccess } from '@nuage/threads';
import {
  TOPICS,
  Role,
  type ActivationDisputed,
  type CreditNoteIssued,
  type IncidentClosed,
  type IncidentOpened,
  type OrderPlaced,
} from '@nuage/contracts';
import { Incident, IncidentSource, IncidentStatus, IncidentType, KnownOrder } from '../entities/index.js';
import { recordIncidentMessage, recordIncidentStep } from './history.js';
import { INCIDENT_LIFECYCLE, stepOf, type IncidentTransition } from './incident-lifecycle.js';
import { assertMay, incidentsFor } from './access.js';

async function nextNumber(em: EntityManager): Promise<string> {
  const [row] = await sql<{ n: string }[]>(em, "select nextval('incident_number_seq') as n");
  return `SAV-${row!.n}`;
}

interface Declaration {
  order: KnownOrder;
  typeCode: string;
  description: string;
  source: IncidentSource;
  /** Who acts: the buyer declaring, or the system opening it from another subgraph's event… */
  actor: Identity | 'SYSTEM';
  /** …on behalf of whom. */
  reportedBy: { id: string; name: string };
}

/** Opens an incident and tells the ordering subgraph (the order is disputed while it is open). */
async function open(em: EntityManager, declaration: Declaration): Promise<Incident> {
  const incident = em.create(Incident, {
    number: await nextNumber(em),
    orderId: declaration.order.id,
    orderReference: declaration.order.reference,
    requestId: declaration.order.requestId,
    entityId: declaration.order.entityId,
    brandId: declaration.order.brandId,
    typeCode: declaration.typeCode,
    source: declaration.source,
    description: declaration.description,
    declaredById: declaration.reportedBy.id,
    declaredByName: declaration.reportedBy.name,
  });
  em.persist(incident);
  recordIncidentStep(em, incident, declaration.actor, null, { action: 'declare', comment: declaration.description });
  publish(em, TOPICS.incidentOpened, {
    incidentId: incident.id,
    number: incident.number,
    orderId: incident.orderId,
  } satisfies IncidentOpened);
  return incident;
}

/** "Déclarer un litige": a buyer declares an incident on one of its entity's orders. */
export async function declare(
  em: EntityManager,
  caller: Identity,
  input: { orderId: string; typeCode: string; description: string; attachmentIds?: string[] },
): Promise<Incident> {
  assertMay(caller, 'incident:declare');
  return em.transactional(async (tx) => {
    const order = await tx.findOne(KnownOrder, { id: input.orderId });
    if (!order || order.entityId !== caller.entityId)
      throw notFound({ fr: 'La commande', en: 'The order' }, 'input.orderId');
    const type = await tx.findOne(IncidentType, { code: input.typeCode, retiredAt: null });
    if (!type)
      throw invalid('input.typeCode', {
        fr: `Il n'existe pas de type d'incident « ${input.typeCode} ».`,
        en: `There is no incident type "${input.typeCode}".`,
      });
    const description = input.description.trim();
    if (description.length < 10)
      throw invalid('input.description', {
        fr: "Décrivez l'incident (10 caractères au moins).",
        en: 'Describe the incident (10 characters at least).',
      });
    if (description.length > 10_000)
      throw invalid('input.description', {
        fr: 'Une description fait au plus 10 000 caractères.',
        en: 'A description is 10,000 characters at most.',
      });
    const incident = await open(tx, {
      order,
      typeCode: type.code,
      description,
      source: IncidentSource.ORDER,
      actor: caller,
      reportedBy: { id: caller.userId, name: caller.name },
    });
    if (input.attachmentIds?.length)
      await attachDocuments(
        tx,
        caller,
        input.attachmentIds,
        { subjectId: incident.id, kind: 'DECLARATION' },
        'input.attachmentIds',
      );
    return incident;
  });
}

/** Who reads and writes an incident's messages and documents: its readers; the order's brand takes part. */
export const incidentThread: ThreadAccess = async (em, caller, incidentId) => {
  const incident = await incidentsFor(em, caller).get(incidentId);
  return { entityId: incident.entityId, brandIds: [incident.brandId], closedBecause: null };
};

/** An activation problem reported in the ordering subgraph becomes an incident (once per event). */
export async function openFromActivation(em: EntityManager, payload: ActivationDisputed) {
  const order =
    (await em.findOne(KnownOrder, { id: payload.orderId })) ??
    em.create(KnownOrder, {
      id: payload.orderId,
      reference: payload.orderReference,
      requestId: payload.requestId ?? null,
      entityId: payload.entityId,
      brandId: payload.brandId,
    });
  em.persist(order);
  await open(em, {
    order,
    typeCode: 'SERVICE_ACTIVATION',
    description: payload.description,
    source: IncidentSource.ACTIVATION,
    actor: 'SYSTEM',
    reportedBy: { id: payload.reportedById, name: payload.reportedByName },
  });
}

/**
 * Moves an incident along its lifecycle, by the role that owns the step: the market holder or
 * the order's supplier handle it, the entity's buyers answer, confirm or reopen. Dated and kept.
 */
export async function move(
  em: EntityManager,
  caller: Identity,
  id: string,
  asked: IncidentTransition,
  comment: string | undefined,
): Promise<Incident> {
  const transition = stepOf(asked);
  assertMayTake(INCIDENT_LIFECYCLE, transition, caller);
  return em.transactional(async (tx) => {
    const incident = await incidentsFor(tx, caller).get(id, { lock: true });
    const from = incident.status;
    incident.status = take(INCIDENT_LIFECYCLE, from, transition, caller.role);
    const why = comment?.trim() || null;
    if ((transition === 'reject' || transition === 'reopen' || transition === 'askBeneficiary') && !why)
      throw invalid('comment', { fr: 'Indiquez pourquoi.', en: 'Say why.' });
    const now = new Date();
    if ((caller.role === Role.MARKET_HOLDER || caller.role === Role.SUPPLIER) && !incident.firstAnsweredAt)
      incident.firstAnsweredAt = now;
    if (incident.status === IncidentStatus.RESOLVED) incident.resolvedAt = now;
    if (incident.status === IncidentStatus.CLOSED || incident.status === IncidentStatus.REJECTED) {
      incident.closedAt = now;
      publish(tx, TOPICS.incidentClosed, {
        incidentId: incident.id,
        orderId: incident.orderId,
      } satisfies IncidentClosed);
    }
    recordIncidentStep(tx, incident, caller, from, { action: transition, comment: why });
    return incident;
  });
}

/**
 * A credit note was issued for an incident (ordering): the incident is resolved with it, for the
 * buyer to confirm or reopen. One already resolved, closed or rejected stays as it is.
 */
export async function resolveWithCredit(em: EntityManager, payload: CreditNoteIssued): Promise<void> {
  const incident = await em.findOne(Incident, { id: payload.incidentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!incident || !INCIDENT_LIFECYCLE.transitions.resolveByCredit.from.includes(incident.status)) return;
  const from = incident.status;
  incident.status = take(INCIDENT_LIFECYCLE, from, 'resolveByCredit', 'SYSTEM');
  incident.resolvedAt = new Date();
  incident.firstAnsweredAt ??= incident.resolvedAt;
  const amount = formatEuros(new Dec(payload.amountExclVat), 'fr');
  recordIncidentStep(em, incident, 'SYSTEM', from, {
    action: 'resolveByCredit',
    comment: `Avoir ${payload.number} de ${amount} HT sur la facture ${payload.invoiceNumber} (${payload.statedByName}) : ${payload.reason}`,
  });
}

export interface IncidentFilter {
  statuses?: IncidentStatus[];
  typeCode?: string;
  orderId?: string;
  from?: string;
  to?: string;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** "Incidents": those the caller may read, latest first. */
export function listIncidents(em: EntityManager, caller: Identity, filter: IncidentFilter, page: PageArgs) {
  const where: FilterQuery<Incident>[] = [];
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.typeCode) where.push({ typeCode: filter.typeCode });
  if (filter.orderId) where.push({ orderId: filter.orderId });
  if (filter.from && filter.to && filter.to < filter.from)
    throw invalid('filter.to', {
      fr: 'La fin de la période précède son début.',
      en: 'The end of the period comes before its start.',
    });
  if (filter.from) where.push({ createdAt: { $gte: startOfParisDay(filter.from) } });
  if (filter.to) where.push({ createdAt: { $lt: startOfParisDay(nextDay(filter.to)) } });
  return paginate(
    em,
    Incident,
    incidentsFor(em, caller).where({ $and: where }),
    [{ createdAt: 'desc' }, { id: 'desc' }],
    page,
  );
}

export interface IncidentStatisticsRow {
  brandId: string;
  typeCode: string;
  incidents: number;
  open: number;
  hoursToFirstAnswer: number | null;
  hoursToResolution: number | null;
}

/** For analysts: per brand and type, how many incidents, and the mean times to first answer and to resolution, in one statement. */
export async function statistics(em: EntityManager, caller: Identity): Promise<IncidentStatisticsRow[]> {
  assertMay(caller, 'incident:statistics');
  const rows = await sql<
    {
      brand_id: string;
      type_code: string;
      incidents: string;
      open: string;
      first_answer: string | null;
      resolution: string | null;
    }[]
  >(
    em,
    `select brand_id, type_code, count(*) as incidents,
            count(*) filter (where status not in ('CLOSED', 'REJECTED')) as open,
            round((avg(extract(epoch from first_answered_at - created_at)) / 3600)::numeric, 2) as first_answer,
            round((avg(extract(epoch from resolved_at - created_at)) / 3600)::numeric, 2) as resolution
       from incident group by brand_id, type_code order by brand_id, type_code`,
  );
  return rows.map((r) => ({
    brandId: r.brand_id,
    typeCode: r.type_code,
    incidents: Number(r.incidents),
    open: Number(r.open),
    hoursToFirstAnswer: r.first_answer === null ? null : Number(r.first_answer),
    hoursToResolution: r.resolution === null ? null : Number(r.resolution),
  }));
}

/** Posts a message on an incident's thread, for those who write on it. */
export function postIncidentMessage(em: EntityManager, caller: Identity, message: MessageInput) {
  assertMay(caller, 'incident:write');
  return em.transactional(async (tx) => {
    const posted = await postMessage(tx, incidentThread, caller, message);
    recordIncidentMessage(tx, await tx.findOneOrFail(Incident, posted.subjectId), posted, caller);
    return posted;
  });
}

/** The kinds of incident a buyer can declare now, in display order. */
export const activeIncidentTypes = (em: EntityManager) =>
  em.find(IncidentType, { retiredAt: null }, { orderBy: { position: 'asc', id: 'asc' } });

/** An order placed: incidents may now be declared on it (this subgraph's copy, for rights and references). */
export async function keepOrder(em: EntityManager, payload: OrderPlaced): Promise<void> {
  if (!(await em.findOne(KnownOrder, { id: payload.orderId })))
    em.persist(
      em.create(KnownOrder, {
        id: payload.orderId,
        reference: payload.reference,
        requestId: payload.requestId ?? null,
        entityId: payload.entityId,
        brandId: payload.brandId,
      }),
    );
}
