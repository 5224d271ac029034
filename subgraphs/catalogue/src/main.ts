import { runSubgraphFromEnv } from '@nuage/platform';
import { catalogue } from './subgraph';

await runSubgraphFromEnv(catalogue);
