import { runSubgraphFromEnv } from '@nuage/shared';
import { consumption } from './subgraph';

await runSubgraphFromEnv(consumption);
