/** The five subgraphs, in the order they are started and composed: each owns its data and its database. */
export const SUBGRAPH_NAMES = ['catalogue', 'requests', 'ordering', 'incidents', 'consumption'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
