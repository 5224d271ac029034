import { BACKGROUND, internalRoute, type SubgraphRuntime } from '@nuage/platform';
import { threadRoutes } from '@nuage/threads';
import type { RequestsServices } from './loaders.js';
import { requestThread } from './services/access.js';
import { accountStanding } from './services/people.js';

/** What requests serves besides GraphQL: its threads' uploads and downloads, and the gateway's account checks. */
export const routes = ({ orm, files, identityKeys }: SubgraphRuntime<RequestsServices>) => [
  ...threadRoutes('requests', orm, files, identityKeys, requestThread),
  // The gateway asks whether the account behind a token exists and may act: once per caller per
  // cache period, not part of what a query costs (labelled apart from the statements it counts).
  internalRoute(/^\/internal\/accounts\/([0-9a-f-]{36})$/, identityKeys, ([personId]) =>
    accountStanding(orm.em.fork({ loggerContext: BACKGROUND }), personId!),
  ),
];
