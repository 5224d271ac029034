import { describe, expect, it } from 'vitest';
import { composeSupergraph, staleFiles } from '../src/compose';

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
