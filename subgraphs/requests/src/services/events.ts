import type { EntityManager } from '@mikro-orm/postgresql';
import { allows, Dec, formatEuros, type DeliveredEvent, type EventHandler } from '@nuage/platform';
import {
  HistorySubject,
  HISTORY_TOPIC,
  type HistoryRecorded,
  CONSUMPTION_TOPICS,
  ORDERING_TOPICS,
  TOPICS,
  type AlertRaised,
  type RenewalRequested,
  type OrderPlaced,
  type ProposalAccepted,
  type ProposalSubmitted,
  type ServicesOpened,
  type GuidedChoiceRecorded,
  type ProductChanged,
  type SolicitationOpened,
  type SolutionChanged,
} from '@nuage/contracts';
import { keepTimelineCopy } from '@nuage/history';
import {
  KnownGuidedChoice,
  KnownOrder,
  KnownProduct,
  KnownSolution,
  NotificationKind,
  RequestItem,
  RequestKind,
  RequestSolution,
  ServiceRequest,
} from '../entities';
import { transition } from './requests';
import { REQUEST_LIFECYCLE, type RequestTransition } from './request-lifecycle';
import { recordRequestStep } from './history';
import { entityBuyers, notify, notifyFromHistory } from './notifications';
import { indexFromHistory } from './search';
import type { RequestsServices } from '../loaders';

/** Upserts this subgraph's copy of a catalogue row: the latest event wins, in whatever order they come. */
async function upsert<T extends object>(em: EntityManager, entity: new () => T, id: string, values: Partial<T>) {
  const row = (await em.findOne(entity, { id } as never)) ?? em.create(entity, { id, ...values } as never);
  Object.assign(row, values);
  em.persist(row);
}

/** What this subgraph learns from the others (see the topics of `@nuage/contracts`). */
export const REQUESTS_CONSUME: Record<string, EventHandler<RequestsServices>> = {
  [TOPICS.solutionChanged]: (em, { payload }: DeliveredEvent<SolutionChanged>) =>
    upsert(em, KnownSolution, payload.id, { brandId: payload.brandId, name: payload.name, retired: payload.retired }),
  [TOPICS.productChanged]: (em, { payload }: DeliveredEvent<ProductChanged>) =>
    upsert(em, KnownProduct, payload.id, {
      brandId: payload.brandId,
      code: payload.code,
      designation: payload.designation,
      retired: payload.retired,
    }),
  [TOPICS.guidedChoiceRecorded]: (em, { payload }: DeliveredEvent<GuidedChoiceRecorded>) =>
    upsert(em, KnownGuidedChoice, payload.id, {
      entityId: payload.entityId,
      projectName: payload.projectName,
      matches: payload.matches,
    }),
  // A step of a file recorded by another subgraph: kept for the file's timeline, notified, searchable.
  [HISTORY_TOPIC]: async (em, { payload }: DeliveredEvent<HistoryRecorded>) => {
    const entry = keepTimelineCopy(em, payload);
    await notifyFromHistory(em, entry);
    await indexFromHistory(em, entry, payload.search);
  },
  // An order placed by one of the entities: what its renewals and complementary orders may name.
  [ORDERING_TOPICS.orderPlaced]: (em, { payload }: DeliveredEvent<OrderPlaced>) =>
    upsert(em, KnownOrder, payload.orderId, {
      entityId: payload.entityId,
      brandId: payload.brandId,
      reference: payload.reference,
      lines: payload.lines ?? [],
    }),
  // The ordering subgraph has told the solicited brands: the request now awaits them.
  [TOPICS.solicitationOpened]: (em, { payload }: DeliveredEvent<SolicitationOpened>) =>
    follow(em, payload.requestId, 'solicit'),
  [ORDERING_TOPICS.proposalSubmitted]: (em, { payload }: DeliveredEvent<ProposalSubmitted>) =>
    follow(em, payload.requestId, 'receiveProposal'),
  [ORDERING_TOPICS.proposalAccepted]: (em, { payload }: DeliveredEvent<ProposalAccepted>) =>
    follow(em, payload.requestId, 'order'),
  // Step 8: the entity's buyers are told when consumption crosses a threshold or will outrun the commitment.
  [CONSUMPTION_TOPICS.alertRaised]: async (em, { payload }: DeliveredEvent<AlertRaised>, { mailer }) => {
    const buyers = await entityBuyers(em, payload.entityId);
    notify(em, buyers, {
      kind: NotificationKind.CONSUMPTION_ALERT,
      summary:
        payload.kind === 'THRESHOLD'
          ? {
              fr: `« ${payload.designation} » (commande ${payload.orderReference}) a atteint ${payload.threshold} % de son engagement`,
              en: `"${payload.designation}" (order ${payload.orderReference}) reached ${payload.threshold}% of its commitment`,
            }
          : {
              fr: `« ${payload.designation} » (commande ${payload.orderReference}) s'épuisera avant son échéance`,
              en: `"${payload.designation}" (order ${payload.orderReference}) will run out before its due date`,
            },
      fileId: payload.requestId ?? null,
      subjectType: HistorySubject.ORDER,
      subjectId: payload.orderId ?? null,
      reference: payload.orderReference,
    });
    const what =
      payload.kind === 'THRESHOLD'
        ? `a atteint ${payload.threshold} % de son engagement (${payload.percentUsed.replace('.', ',')} %)`
        : "s'épuisera avant son échéance au rythme actuel";
    for (const buyer of buyers) {
      await mailer.send({
        to: buyer.email,
        subject: `Nuage Public — alerte de consommation (commande ${payload.orderReference})`,
        text: [
          `Bonjour ${buyer.firstName} ${buyer.lastName},`,
          '',
          `La consommation de « ${payload.designation} » (commande ${payload.orderReference}) ${what}.`,
          payload.proposedRenewal === null
            ? "L'historique de consommation est encore trop court pour proposer un montant de renouvellement."
            : `Montant proposé pour un renouvellement : ${formatEuros(new Dec(payload.proposedRenewal), 'fr')} HT.`,
          '',
          'Vous pouvez lancer une demande de renouvellement depuis le portail Nuage Public.',
          '',
          '— Nuage Public (UGAP)',
        ].join('\n'),
      });
    }
  },
  // From an alert, the buyer stated an amount to renew: a renewal draft on the same project, soliciting the same brand.
  [CONSUMPTION_TOPICS.renewalRequested]: async (em, { payload }: DeliveredEvent<RenewalRequested>) => {
    const origin = payload.requestId ? await em.findOne(ServiceRequest, { id: payload.requestId }) : null;
    if (!origin) return;
    const request = em.create(ServiceRequest, {
      id: payload.draftId,
      kind: RequestKind.RENEWAL,
      project: origin.project,
      entityId: payload.entityId,
      createdById: payload.requestedById,
      createdByName: payload.requestedByName,
    });
    request.solutions.add(
      em.create(RequestSolution, { request, position: 0, brandId: payload.brandId, solutionId: null }),
    );
    request.items.add(
      em.create(RequestItem, {
        request,
        position: 0,
        orderId: payload.orderId,
        orderLineId: payload.orderLineId,
        productId: null,
        brandId: payload.brandId,
        productCode: null,
        designation: `Crédits de consommation — ${payload.designation} : ${formatEuros(new Dec(payload.amount), 'fr')} HT`,
        quantity: '1.00',
      }),
    );
    em.persist(request);
  },
  // The guide: the buyer is told by email that the services are open and await validation.
  [ORDERING_TOPICS.servicesOpened]: async (em, { payload }: DeliveredEvent<ServicesOpened>, { mailer }) => {
    for (const buyer of await entityBuyers(em, payload.entityId)) {
      await mailer.send({
        to: buyer.email,
        subject: `Nuage Public — mise en service à valider (commande ${payload.orderReference})`,
        text: [
          `Bonjour ${buyer.firstName} ${buyer.lastName},`,
          '',
          `Le fournisseur a déclaré ouverts les services de la commande ${payload.orderReference}${payload.fileNumber ? ` (dossier ${payload.fileNumber})` : ''}.`,
          ...(payload.note ? ['', `Son message : ${payload.note}`] : []),
          '',
          'Vérifiez-les sur la plateforme du fournisseur, puis validez la mise en service ou signalez un problème depuis le portail Nuage Public (« Mise en service à valider »).',
          '',
          '— Nuage Public (UGAP)',
        ].join('\n'),
      });
    }
  },
};

/**
 * Moves a request along when another subgraph says so, if its lifecycle allows it now; an event
 * that arrives late (the request moved on, or was cancelled) changes nothing.
 */
async function follow(em: EntityManager, requestId: string, name: RequestTransition) {
  const request = await em.findOne(ServiceRequest, { id: requestId });
  if (!request || !allows(REQUEST_LIFECYCLE, request.status, name, 'SYSTEM')) return;
  const from = request.status;
  transition(request, name, 'SYSTEM');
  await recordRequestStep(em, request, 'SYSTEM', { action: name, from });
}
