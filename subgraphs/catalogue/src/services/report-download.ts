import type { EntityManager } from '@mikro-orm/postgresql';
import { documentRenderer } from '@nuage/pdf/rendering';
import type { Identity } from '@nuage/platform';
import { findGuidedChoice, resultSeenBy } from './guided-choice.js';
import { type GuidedChoicePrint, guidedChoicePrint, paacFileName } from './report-print.js';

/** Lays PAAC reports out in a worker thread (see `report.worker.ts`). */
const reports = documentRenderer<GuidedChoicePrint>(new URL('./report.worker', import.meta.url));

/** The PAAC report of a recorded guided choice, for whoever may read it (NOT_FOUND otherwise); a supplier's names no competitor. */
export async function guidedChoiceReport(em: EntityManager, caller: Identity, id: string) {
  const choice = await findGuidedChoice(em, caller, id);
  return {
    body: await reports.render({ ...guidedChoicePrint(choice), result: resultSeenBy(choice, caller) }),
    contentType: 'application/pdf',
    fileName: paacFileName(choice.createdAt),
  };
}
