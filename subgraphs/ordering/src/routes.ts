import { downloadRoute, type SubgraphRuntime } from '@nuage/platform';
import type { OrderingServices } from './loaders.js';
import { proposalDocumentsFor } from './services/access.js';

/** What ordering serves besides GraphQL: the documents of accepted proposals (`GET /downloads/proposal-documents/<id>`), to whoever may read the proposal. */
export const routes = ({ orm, files, identityKeys }: SubgraphRuntime<OrderingServices>) => [
  downloadRoute(/^\/downloads\/proposal-documents\/([0-9a-f-]{36})$/, identityKeys, async (caller, [id]) => {
    const document = await proposalDocumentsFor(orm.em.fork(), caller).get(id!);
    return { body: await files.get(document.storageKey), contentType: 'application/pdf', fileName: document.fileName };
  }),
];
