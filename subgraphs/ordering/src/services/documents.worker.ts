import { renderBillingPdf } from './billing-pdf.js';
import type { OrderingPrint } from './documents.js';
import { renderProposalPdf } from './proposal-pdf.js';

/** Runs in a worker thread: a slow layout blocks this thread, never the ordering service. */
export default (print: OrderingPrint): Promise<Buffer> =>
  print.kind === 'INVOICE' || print.kind === 'CREDIT_NOTE' ? renderBillingPdf(print) : renderProposalPdf(print);
