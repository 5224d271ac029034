import { runSubgraphFromEnv } from '@nuage/shared';
import { ordering } from './subgraph';

await runSubgraphFromEnv(ordering);
