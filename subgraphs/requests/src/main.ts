import { runSubgraphFromEnv } from '@nuage/platform';
import { requests } from './subgraph.js';

await runSubgraphFromEnv(requests);
