import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Git-ignored local state: the embedded database, dev signing keys, mail and files. */
export const dataDir = process.env.NUAGE_DATA_DIR ?? `${repoRoot}.data`;
export const schemaDir = `${repoRoot}schema`;

/** The five subgraphs, in the order they are started and composed. */
export const SUBGRAPHS = ['catalogue', 'requests', 'ordering', 'incidents', 'consumption'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
