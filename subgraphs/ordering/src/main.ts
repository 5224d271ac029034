import { runSubgraphFromEnv } from '@nuage/platform';
import { ordering } from './subgraph.js';

await runSubgraphFromEnv(ordering);
