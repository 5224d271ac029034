import { runSubgraphFromEnv } from '@nuage/platform';
import { catalogue } from './subgraph.js';

await runSubgraphFromEnv(catalogue);
