import { downloadRoute, type SubgraphRuntime } from '@nuage/platform';
import type { OrderingServices } from './loaders.js';
import { proposalDocumentsFor } from './services/access.js';
import { creditNotePdf, invoiceFacturX, invoicePdf } from './services/billing-documents.js';

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/**
 * What ordering serves besides GraphQL, to whoever may read each: the documents of accepted
 * proposals (`GET /downloads/proposal-documents/<id>`), invoices (PDF, and Factur-X XML) and credit notes, laid
 * out on demand.
 */
export const routes = ({ orm, files, identityKeys }: SubgraphRuntime<OrderingServices>) => [
  downloadRoute(/^\/downloads\/proposal-documents\/([0-9a-f-]{36})$/, identityKeys, async (caller, [id]) => {
    const document = await proposalDocumentsFor(orm.em.fork(), caller).get(id!);
    return { body: await files.get(document.storageKey), contentType: 'application/pdf', fileName: document.fileName };
  }),
  downloadRoute(new RegExp(`^/downloads/invoices/${UUID}\\.pdf$`), identityKeys, (caller, [id]) =>
    invoicePdf(orm.em.fork(), caller, id!),
  ),
  downloadRoute(new RegExp(`^/downloads/invoices/${UUID}\\.xml$`), identityKeys, (caller, [id]) =>
    invoiceFacturX(orm.em.fork(), caller, id!),
  ),
  downloadRoute(new RegExp(`^/downloads/credit-notes/${UUID}\\.pdf$`), identityKeys, (caller, [id]) =>
    creditNotePdf(orm.em.fork(), caller, id!),
  ),
];
