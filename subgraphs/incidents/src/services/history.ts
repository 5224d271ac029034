import type { EntityManager } from '@mikro-orm/postgresql';
import { FileStep, HistorySubject } from '@nuage/contracts';
import { recordHistory } from '@nuage/history';
import type { Identity } from '@nuage/platform';
import type { Message } from '@nuage/threads';
import { INCIDENT_STATUS_LABELS, type Incident, type IncidentStatus } from '../entities/index.js';

const HISTORY_SOURCE = { name: 'incidents' };

/** Declared and resolved are told apart (by their published names); every other step is an update. */
const PUBLISHED_INCIDENT_STEPS: Record<string, FileStep> = {
  declare: FileStep.INCIDENT_OPENED,
  resolve: FileStep.INCIDENT_RESOLVED,
  resolveByCredit: FileStep.INCIDENT_RESOLVED,
};

/** What every entry of an incident says of it: which incident, its file, its parties, how it is found. */
const aboutIncident = (incident: Incident) => ({
  subjectType: HistorySubject.INCIDENT,
  subjectId: incident.id,
  subjectReference: incident.number,
  fileId: incident.requestId,
  entityId: incident.entityId,
  brandId: incident.brandId,
  search: {
    references: [incident.number],
    title: `Incident ${incident.number} sur la commande ${incident.orderReference}`,
    text: incident.description,
    orderId: incident.orderId,
  },
});

/** Records a step of an incident (declared, taken in charge, answered…) in its history and its file's timeline. */
export function recordIncidentStep(
  em: EntityManager,
  incident: Incident,
  actor: Identity | 'SYSTEM',
  from: IncidentStatus | null,
  step: { action: string; comment?: string | null },
) {
  return recordHistory(em, HISTORY_SOURCE, {
    ...aboutIncident(incident),
    actor,
    action: step.action,
    step: PUBLISHED_INCIDENT_STEPS[step.action] ?? FileStep.INCIDENT_UPDATED,
    from: from ? { status: from, label: INCIDENT_STATUS_LABELS[from] } : null,
    to: { status: incident.status, label: INCIDENT_STATUS_LABELS[incident.status] },
    comment: step.comment,
  });
}

/** A message on an incident's thread, in its timeline: the other side hears of it (the brand written to, or none). */
export function recordIncidentMessage(em: EntityManager, incident: Incident, message: Message, author: Identity) {
  return recordHistory(em, HISTORY_SOURCE, {
    ...aboutIncident(incident),
    brandId: message.brandId,
    actor: author,
    action: 'postMessage',
    step: FileStep.MESSAGE_POSTED,
    summary: {
      fr: `Message de ${message.authorName} sur l'incident ${incident.number}`,
      en: `Message from ${message.authorName} on incident ${incident.number}`,
    },
  });
}
