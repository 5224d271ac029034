import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Git-ignored local state: the embedded database (with the files), dev signing keys, mail. */
export const dataDir = process.env.NUAGE_DATA_DIR ?? `${repoRoot}.data`;
export const schemaDir = `${repoRoot}schema`;

export { SUBGRAPH_NAMES as SUBGRAPHS, type SubgraphName } from '@nuage/contracts';
