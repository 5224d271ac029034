import { runSubgraphFromEnv } from '@nuage/platform';
import { incidents } from './subgraph';

await runSubgraphFromEnv(incidents);
