import { runSubgraphFromEnv } from '@nuage/shared';
import { incidents } from './subgraph';

await runSubgraphFromEnv(incidents);
