import type { EntityManager } from '@mikro-orm/postgresql';
import { type AlertRaised, HistorySubject, type ServicesOpened } from '@nuage/contracts';
import { sendMailAfterCommit } from '@nuage/mail';
import { Dec, formatEuros } from '@nuage/platform';
import { NotificationKind } from '../entities/index.js';
import { entityBuyers, notify } from './notifications.js';
import { announce } from './announcements.js';

/**
 * Step 8: the entity's buyers are told, and emailed, when consumption crosses a threshold or will
 * outrun the commitment. Emails leave after the transaction commits, one per buyer and event (`eventId`).
 */
export async function tellBuyersOfAlert(em: EntityManager, payload: AlertRaised, eventId: string): Promise<void> {
  const buyers = await entityBuyers(em, payload.entityId);
  const summary =
    payload.kind === 'THRESHOLD'
      ? {
          fr: `« ${payload.designation} » (commande ${payload.orderReference}) a atteint ${payload.threshold} % de son engagement`,
          en: `"${payload.designation}" (order ${payload.orderReference}) reached ${payload.threshold}% of its commitment`,
        }
      : {
          fr: `« ${payload.designation} » (commande ${payload.orderReference}) s'épuisera avant son échéance`,
          en: `"${payload.designation}" (order ${payload.orderReference}) will run out before its due date`,
        };
  notify(em, buyers, {
    kind: NotificationKind.CONSUMPTION_ALERT,
    summary,
    fileId: payload.requestId ?? null,
    subjectType: HistorySubject.ORDER,
    subjectId: payload.orderId ?? null,
    reference: payload.orderReference,
  });
  await announce(em, {
    type: 'CONSUMPTION_ALERT',
    entityId: payload.entityId,
    brandIds: [],
    subjectType: HistorySubject.ORDER,
    subjectId: payload.orderId ?? null,
    reference: payload.orderReference,
    fileId: payload.requestId ?? null,
    orderId: payload.orderId ?? null,
    actorRole: 'SYSTEM',
    summary,
  });
  const what =
    payload.kind === 'THRESHOLD'
      ? `a atteint ${payload.threshold} % de son engagement (${payload.percentUsed.replace('.', ',')} %)`
      : "s'épuisera avant son échéance au rythme actuel";
  for (const buyer of buyers) {
    sendMailAfterCommit(
      em,
      {
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
      },
      `${eventId}/${buyer.id}`,
    );
  }
}

/** The guide: the buyers are emailed that the services are open and await their validation (after commit, once each). */
export async function tellBuyersServicesOpened(
  em: EntityManager,
  payload: ServicesOpened,
  eventId: string,
): Promise<void> {
  for (const buyer of await entityBuyers(em, payload.entityId)) {
    sendMailAfterCommit(
      em,
      {
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
      },
      `${eventId}/${buyer.id}`,
    );
  }
}
