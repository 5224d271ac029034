import { subgraphSdl } from '@nuage/platform';
import { loadDefinition } from './definitions.js';
import type { SubgraphName } from './paths.js';

/** Prints one subgraph's SDL (run in a process of its own by the composer). */
process.stdout.write(await subgraphSdl(await loadDefinition(process.argv[2] as SubgraphName)));
