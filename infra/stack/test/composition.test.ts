import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, staleFiles } from '../src/compose';
import { schemaDir } from '../src/paths';

describe('the committed schema', () => {
  it('is exactly what composing the five subgraphs gives, with no error or hint', async () => {
    const composition = await composeSupergraph();
    expect(Object.keys(composition.files).sort()).toEqual(
      ['catalogue', 'consumption', 'incidents', 'ordering', 'requests', 'supergraph'].map((n) => `${n}.graphql`),
    );
    // On failure: run `npm run compose` and commit schema/.
    expect(staleFiles(composition)).toEqual([]);
  });
});

describe("GraphiQL's example operations", () => {
  it('are all valid against the composed API schema', async () => {
    const api = Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8')).apiSchema().toGraphQLJSSchema();
    const examples = parse(readFileSync(new URL('../../../gateway/examples.graphql', import.meta.url), 'utf8'));
    expect(examples.definitions.length).toBeGreaterThan(5);
    expect(validate(api, examples).map((error) => error.message)).toEqual([]);
  });
});
