import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStatementCount } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { catalogue } from '../src/index.js';
import { addGeneratedSolutions } from '../src/seed/generated.js';
import { analyst, beneficiary, GUIDE_ANSWERS } from './identities.js';
import { graphql } from '@nuage/fixtures/graphql';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(catalogue, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

/** The SQL statements one GraphQL request costs, counted by the ORM's logger. */
async function statementsOf(query: string, variables?: Record<string, unknown>) {
  const before = sqlStatementCount(subgraph.orm);
  const { errors } = await subgraph.query(beneficiary, query, variables);
  expect(errors).toBeUndefined();
  return sqlStatementCount(subgraph.orm) - before;
}

const LISTS = {
  'the guided-choice evaluation with every pair’s brand and solution': [
    'query($input: GuidedChoiceInput!) { evaluateGuidedChoice(input: $input) { matches(first: 100) { edges { node { brand { name } solution { name } } } } exclusions(first: 100) { edges { node { brand { name } solution { name } } } } } }',
    { input: { answers: GUIDE_ANSWERS } },
  ],
  'a page of brands with their solutions, certifications and products': [
    '{ brands(first: 100) { edges { node { name solutions { name certifications { code } products { code price { label } } } } } } }',
    undefined,
  ],
  'a page of products with brand and solution': [
    '{ products(first: 100) { edges { node { code brand { name } solution { name } } } } }',
    undefined,
  ],
  'the questionnaire with its options': ['{ questionnaire { code label options { code label } } }', undefined],
} as const;

describe('SQL statements per list', () => {
  it('stay the same when the catalogue grows from 39 to 1,039 solutions', async () => {
    const small: Record<string, number> = {};
    // Each list read twice, the second time counted: the guided choice keeps the catalogue it read
    // until the catalogue changes (the first evaluation after a change reads it again).
    const steady = async (query: string, variables?: Record<string, unknown>) => {
      await statementsOf(query, variables);
      return statementsOf(query, variables);
    };
    for (const [name, [query, variables]] of Object.entries(LISTS)) small[name] = await steady(query, variables);
    await addGeneratedSolutions(subgraph.orm.em.fork(), 1_000);
    const { data } = await subgraph.query(
      analyst,
      graphql(`query($input: GuidedChoiceInput!) { evaluateGuidedChoice(input: $input) { matchCount excludedCount } }`),
      { input: { answers: GUIDE_ANSWERS } },
    );
    expect(data!.evaluateGuidedChoice!.matchCount + data!.evaluateGuidedChoice!.excludedCount).toBe(1_039);
    for (const [name, [query, variables]] of Object.entries(LISTS)) {
      expect({ name, statements: await steady(query, variables) }).toEqual({ name, statements: small[name] });
    }
    // And few: a statement or two per level of the tree, never one per row.
    expect(small).toEqual({
      'the guided-choice evaluation with every pair’s brand and solution': 3,
      'a page of brands with their solutions, certifications and products': 5,
      'a page of products with brand and solution': 4,
      'the questionnaire with its options': 2,
    });
  });
});
