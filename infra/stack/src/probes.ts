import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { inDays } from './journey.js';
import { schemaDir } from './paths.js';

/** The API clients see: the composed supergraph, as the gateway serves it. */
export const apiSchema = (): GraphQLSchema =>
  Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();

/** A value an operation's arguments hold that the entry checks look at. */
export interface Leaf {
  /** Where it sits in the arguments, as an error's `field` names it: `input.lines.0.designation`. */
  path: (string | number)[];
  kind: 'ID' | 'String' | 'LocalDate' | 'DateTimeISO' | 'List';
  /** The input field's or argument's name, which decides a text's maximum length. */
  name: string;
  /** For a list, its items' type name (which decides its maximum length) and a plausible item. */
  item?: { type: string; sample: unknown };
}

/** A plausible value of an input type, every optional field filled in, and the checked leaves in it. */
function sample(type: GraphQLInputType, name: string, path: (string | number)[], leaves: Leaf[], depth = 0): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = sample(inner.ofType, name, [...path, 0], leaves, depth);
    leaves.push({ path, kind: 'List', name, item: { type: getNamedType(inner.ofType).name, sample: item } });
    return [item];
  }
  if (isInputObjectType(inner)) {
    if (depth > 4) return undefined;
    return Object.fromEntries(
      Object.values(inner.getFields()).map((field) => [
        field.name,
        sample(field.type, field.name, [...path, field.name], leaves, depth + 1),
      ]),
    );
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  const scalar = inner.name;
  if (['ID', 'String', 'LocalDate', 'DateTimeISO'].includes(scalar))
    leaves.push({ path, kind: scalar as Leaf['kind'], name });
  return (
    {
      ID: randomUUID(),
      String: 'x',
      LocalDate: inDays(1),
      DateTimeISO: new Date().toISOString(),
      Int: 1,
      Float: 1,
      Boolean: true,
      Decimal: '1.00',
      JSONObject: {},
    } as Record<string, unknown>
  )[scalar];
}

/** One root field with plausible arguments, and where a bad value can go in them. */
export interface Probe {
  root: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  leaves: Leaf[];
}

/** Every query and mutation that takes a text, an id, a date or a list. */
export const probesOf = (api: GraphQLSchema): Probe[] =>
  (['query', 'mutation'] as const).flatMap((root) =>
    Object.values((root === 'query' ? api.getQueryType() : api.getMutationType())!.getFields()).flatMap((field) => {
      const leaves: Leaf[] = [];
      const args = Object.fromEntries(
        field.args.map((arg) => [arg.name, sample(arg.type, arg.name, [arg.name], leaves)]),
      );
      return leaves.length === 0 ? [] : [{ root, field, args, leaves }];
    }),
  );

/** A copy of `value` with `leaf` at `path`. */
export const setIn = (value: unknown, [head, ...rest]: (string | number)[], leaf: unknown): unknown => {
  if (head === undefined) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = setIn(copy[head], rest, leaf);
  return copy;
};
