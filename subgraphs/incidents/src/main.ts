import { runSubgraphFromEnv } from '@nuage/platform';
import { incidents } from './subgraph.js';

await runSubgraphFromEnv(incidents);
