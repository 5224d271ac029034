import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { repoRoot } from '../src/paths';
import { apiSchema } from '../src/probes';

/**
 * Every typed document of the tests (`graphql(\`…\`)`) is valid against the composed API schema.
 * gql.tada types what a document selects from `schema/api-introspection.ts`; TypeScript 7 has no
 * language-service API for gql.tada's own checker, so this test is the one that names a field the
 * schema no longer has.
 */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

const documents = ['infra', 'subgraphs', 'gateway']
  .flatMap((dir) => sources(join(repoRoot, dir)))
  .flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)].map((match) => ({
      where: `${relative(repoRoot, file)}: ${match[1]!.trim().slice(0, 60)}`,
      text: match[1]!,
    })),
  );

describe('the tests’ GraphQL documents', () => {
  it('are found, and each is valid against the composed API schema', () => {
    expect(documents.length).toBeGreaterThan(10);
    const schema = apiSchema();
    const invalid = documents.flatMap(({ where, text }) =>
      validate(schema, parse(text)).map((error) => `${where}… → ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });
});
