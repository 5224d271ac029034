import type { EntityManager } from '@mikro-orm/postgresql';
import { FileStep, HistorySubject } from '@nuage/contracts';
import { recordHistory } from '@nuage/history';
import type { Identity } from '@nuage/platform';
import { INCIDENT_STATUS_LABELS, type Incident, type IncidentStatus } from '../entities/index.js';

const HISTORY_SOURCE = { name: 'incidents' };

/** Records a step of an incident (declared, taken in charge, answered…) in its history and its file's timeline. */
export function recordIncidentStep(
  em: EntityManager,
  incident: Incident,
  actor: Identity | 'SYSTEM',
  from: IncidentStatus | null,
  step: { action: string; comment?: string | null },
) {
  return recordHistory(em, HISTORY_SOURCE, {
    subjectType: HistorySubject.INCIDENT,
    subjectId: incident.id,
    subjectReference: incident.number,
    fileId: incident.requestId,
    entityId: incident.entityId,
    brandId: incident.brandId,
    actor,
    action: step.action,
    step: FileStep.INCIDENT_UPDATED,
    from: from ? { status: from, label: INCIDENT_STATUS_LABELS[from] } : null,
    to: { status: incident.status, label: INCIDENT_STATUS_LABELS[incident.status] },
    comment: step.comment,
    search: {
      references: [incident.number],
      title: `Incident ${incident.number} sur la commande ${incident.orderReference}`,
      text: incident.description,
      orderId: incident.orderId,
    },
  });
}
