import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoUnusedFragmentsRule, parse, specifiedRules, validate } from 'graphql';
import { repoRoot } from '../src/paths.js';
import { apiSchema } from '../src/probes.js';

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

// Each document with the fragments of its file (a document spreads them by name).
const documents = ['infra', 'subgraphs', 'gateway']
  .flatMap((dir) => sources(join(repoRoot, dir)))
  .flatMap((file) => {
    const texts = [...readFileSync(file, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)].map((match) => match[1]!);
    const fragments = texts.filter((text) => /^\s*fragment\b/.test(text));
    return texts.map((text) => ({
      where: `${relative(repoRoot, file)}: ${text.trim().slice(0, 60)}`,
      text: [text, ...fragments.filter((fragment) => fragment !== text)].join('\n'),
    }));
  });
const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

describe('the tests’ GraphQL documents', () => {
  it('are found, and each is valid against the composed API schema', () => {
    expect(documents.length).toBeGreaterThan(10);
    const schema = apiSchema();
    const invalid = documents.flatMap(({ where, text }) =>
      validate(schema, parse(text), rules).map((error) => `${where}… → ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });
});
