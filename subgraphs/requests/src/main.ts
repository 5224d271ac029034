import { runSubgraphFromEnv } from '@nuage/platform';
import { requests } from './subgraph';

await runSubgraphFromEnv(requests);
