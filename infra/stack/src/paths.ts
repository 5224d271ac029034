import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Git-ignored local state: the embedded database (with the files), dev signing keys, mail. */
export const dataDir = process.env.NUAGE_DATA_DIR ?? `${repoRoot}.data`;
export const schemaDir = `${repoRoot}schema`;
/**
 * Where Node keeps the services' compiled code between starts (`NODE_COMPILE_CACHE`): a start
 * compiles each of the thousands of modules it loads again otherwise, a fifth of its CPU.
 */
export const compileCacheDir = process.env.NODE_COMPILE_CACHE ?? `${repoRoot}node_modules/.cache/node-compile-cache`;

export { SUBGRAPH_NAMES as SUBGRAPHS, type SubgraphName } from '@nuage/contracts';
