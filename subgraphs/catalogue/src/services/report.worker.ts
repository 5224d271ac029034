import { renderGuidedChoiceReport } from './report.js';
import type { GuidedChoicePrint } from './report-print.js';

/** Runs in a worker thread: a slow layout blocks this thread, never the catalogue service. */
export default (choice: GuidedChoicePrint): Promise<Buffer> => renderGuidedChoiceReport(choice);
