import { callerOf } from '@nuage/platform';
import type { Context } from '../loaders.js';

/** Resolves other subgraphs' references to invoices (search hits), batched, only those the caller may read (null otherwise). */
export const resolveInvoiceReference = (ref: { id: string }, context: Context) => {
  callerOf(context);
  return context.loaders.readableInvoiceById.load(ref.id);
};
