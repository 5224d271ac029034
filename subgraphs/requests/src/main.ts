import { runSubgraphFromEnv } from '@nuage/shared';
import { requests } from './subgraph';

await runSubgraphFromEnv(requests);
