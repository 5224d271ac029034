import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { SOURCE_CONDITION } from './infra/platform/src/runtime.ts';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql: Node's CommonJS build, which Apollo and type-graphql load too
    // (Vite would otherwise pick index.mjs for sources: "another module or realm").
    alias: { graphql: require.resolve('graphql') },
    // Workspaces are tested from their sources (see each package.json's exports).
    conditions: [SOURCE_CONDITION, 'node'],
  },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'node'] } },
  test: {
    include: ['{infra,gateway,subgraphs}/**/*.test.ts'],
    globalSetup: ['infra/stack/test/global-setup.ts'],
    // Test files mostly wait on their stack's services and PostgreSQL: three at a time keep two
    // cores busy (one at a time, vitest's choice on two cores, left one idle half the run).
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { LOG_LEVEL: 'warn' },
  },
});
