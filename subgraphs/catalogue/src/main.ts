import { runSubgraphFromEnv } from '@nuage/shared';
import { catalogue } from './subgraph';

await runSubgraphFromEnv(catalogue);
