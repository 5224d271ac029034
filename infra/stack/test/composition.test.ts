import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLEnumType,
  type GraphQLObjectType,
} from 'graphql';
import { mutationOf } from '@nuage/platform';
import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, staleFiles } from '../src/compose.js';
import { schemaDir } from '../src/paths.js';

describe('the committed schema', () => {
  it('is exactly what composing the five subgraphs gives, with no error or hint', async () => {
    const composition = await composeSupergraph();
    expect(Object.keys(composition.files).sort()).toEqual([
      'api-introspection.ts',
      ...['catalogue', 'consumption', 'incidents', 'ordering', 'requests', 'supergraph'].map((n) => `${n}.graphql`),
    ]);
    // On failure: run `npm run compose` and commit schema/.
    expect(staleFiles(composition)).toEqual([]);
  });
});

describe("GraphiQL's example operations", () => {
  it('are all valid against the composed API schema', async () => {
    const api = Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    const examples = parse(readFileSync(new URL('../../../gateway/examples.graphql', import.meta.url), 'utf8'));
    expect(examples.definitions.length).toBeGreaterThan(5);
    expect(validate(api, examples).map((error) => error.message)).toEqual([]);
  });
});

describe('the API schema’s conventions', () => {
  const api = Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  const mutations = api.getMutationType()!.getFields();

  it('offers, as what a caller may do, only actions whose mutation exists', () => {
    const actionEnums = Object.values(api.getTypeMap()).filter(
      (type): type is GraphQLEnumType => isEnumType(type) && type.name.endsWith('Action'),
    );
    expect(actionEnums.map((e) => e.name).sort()).toEqual([
      'InvoiceAction',
      'OrderAction',
      'ProposalAction',
      'RequestAction',
    ]);
    for (const actions of actionEnums) {
      for (const { name } of actions.getValues())
        expect(mutations, `${actions.name}.${name}`).toHaveProperty(mutationOf(name));
    }
    // Incidents move with one mutation: its steps are the values of IncidentTransition.
    expect(mutations).toHaveProperty('moveIncident');
    const steps = (api.getType('IncidentTransition') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(steps.every((step) => /^[A-Z][A-Z_]*$/.test(step))).toBe(true);
  });

  it('answers every mutation with a payload: a refusal in `errors`, everything else nullable', () => {
    for (const [name, field] of Object.entries(mutations)) {
      const payload = getNamedType(field.type);
      expect(isObjectType(payload), name).toBe(true);
      const fields = (payload as GraphQLObjectType).getFields();
      expect(String(fields.errors?.type), `${name}.errors`).toBe('[UserError!]!');
      for (const [key, inner] of Object.entries(fields))
        if (key !== 'errors') expect(isNonNullType(inner.type), `${name} → ${payload.name}.${key}`).toBe(false);
    }
  });

  it('keeps every root query field nullable, so that one refusal or one subgraph down nulls that field only', () => {
    const roots = Object.entries(api.getQueryType()!.getFields()).filter(([name]) => !name.startsWith('_'));
    expect(roots.filter(([, field]) => isNonNullType(field.type)).map(([name]) => name)).toEqual([]);
  });
});
