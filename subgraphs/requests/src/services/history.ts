import type { EntityManager } from '@mikro-orm/postgresql';
import { FileStep, HistorySubject } from '@nuage/contracts';
import { recordHistory, type FieldChange } from '@nuage/history';
import type { Identity } from '@nuage/platform';
import { indexRequest } from './search.js';
import { announceStep } from './announcements.js';
import { REQUEST_STATUS_LABELS, type RequestStatus, type ServiceRequest } from '../entities/index.js';

/** Requests keeps every file's whole timeline: its own entries need no publishing. */
const HISTORY_SOURCE = { name: 'requests', keepsFileTimelines: true };

/** The steps of a request others hear of, by published name (a draft's are the buyer's own). */
const PUBLISHED_REQUEST_STEPS: Record<string, FileStep> = {
  submit: FileStep.REQUEST_SUBMITTED,
  edit: FileStep.REQUEST_UPDATED,
  cancel: FileStep.REQUEST_CANCELLED,
};

const labelled = (status: RequestStatus) => ({ status, label: REQUEST_STATUS_LABELS[status] });

/** The fields of a request whose edits its history keeps. */
export const editableFields = (request: ServiceRequest) => ({
  myReference: request.myReference,
  desiredStartDate: request.desiredStartDate,
  durationYears: request.durationYears,
  needText: request.needText,
  derogationReason: request.derogationReason,
});

/**
 * Records a step of a request (created, edited, moved along its lifecycle) in its history, and
 * keeps what the global search knows of it up to date.
 */
export async function recordRequestStep(
  em: EntityManager,
  request: ServiceRequest,
  actor: Identity | 'SYSTEM',
  step: { action: string; from?: RequestStatus | null; comment?: string | null; changes?: FieldChange[] },
) {
  const entry = recordHistory(em, HISTORY_SOURCE, {
    subjectType: HistorySubject.REQUEST,
    subjectId: request.id,
    subjectReference: request.fileNumber ?? 'brouillon',
    fileId: request.id,
    entityId: request.entityId,
    actor,
    action: step.action,
    from: step.from ? labelled(step.from) : null,
    to: step.action === 'edit' ? null : labelled(request.status),
    comment: step.comment,
    changes: step.changes,
  });
  await indexRequest(em, request, { fr: entry.summaryFr, en: entry.summaryEn });
  if (request.submittedAt) await announceStep(em, entry, PUBLISHED_REQUEST_STEPS[step.action]);
  return entry;
}
