import { runSubgraphFromEnv } from '@nuage/platform';
import { consumption } from './subgraph.js';

await runSubgraphFromEnv(consumption);
