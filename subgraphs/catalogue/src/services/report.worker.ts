import { renderGuidedChoiceReport, type GuidedChoicePrint } from './report.js';

/** Runs in a worker thread: a slow layout blocks this thread, never the catalogue service. */
export default (choice: GuidedChoicePrint): Promise<Buffer> => renderGuidedChoiceReport(choice);
