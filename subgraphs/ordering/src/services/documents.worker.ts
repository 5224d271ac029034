import { renderProposalPdf, type ProposalPrint } from './proposal-pdf.js';

/** Runs in a worker thread: a slow layout blocks this thread, never the ordering service. */
export default (print: ProposalPrint): Promise<Buffer> => renderProposalPdf(print);
