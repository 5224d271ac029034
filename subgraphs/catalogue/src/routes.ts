import { downloadRoute, type SubgraphRuntime } from '@nuage/platform';
import { guidedChoiceReport } from './services/report-download.js';

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** What the catalogue serves besides GraphQL: the PAAC report of a recorded guided choice. */
export const routes = ({ orm, identityKeys }: SubgraphRuntime) => [
  downloadRoute(new RegExp(`^/downloads/guided-choices/${UUID}/report\\.pdf$`), identityKeys, (caller, [id]) =>
    guidedChoiceReport(orm.em.fork(), caller, id!),
  ),
];
