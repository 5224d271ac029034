import { runSubgraphFromEnv } from '@nuage/platform';
import { ordering } from './subgraph';

await runSubgraphFromEnv(ordering);
