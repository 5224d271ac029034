import { runSubgraphFromEnv } from '@nuage/platform';
import { consumption } from './subgraph';

await runSubgraphFromEnv(consumption);
