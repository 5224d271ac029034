import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { OperationLimit } from '@nuage/contracts';

/** What an operation's shape measures, fragments expanded as the response would be. */
export interface OperationShape {
  /** The deepest nesting of fields, introspection aside (`me { entity { name } }` is 3). */
  depth: number;
  /** Aliased fields, each counted as often as the response would carry it. */
  aliases: number;
  /** Fields at the root of the operation. */
  rootFields: number;
  /** Directives used in the operation (`@include`, `@skip`…), counted as often as they apply. */
  directives: number;
  /** The most lists nested in one introspection path (`__schema { types { fields { args } } }` is 3). */
  introspectionDepth: number;
}

/** Introspection fields answering lists: nesting them is what makes an introspection query explode. */
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'args',
  'inputFields',
  'interfaces',
  'possibleTypes',
  'enumValues',
  'directives',
]);

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  introspectionDepth: number;
}

const ZERO: Measure = { depth: 0, aliases: 0, directives: 0, introspectionDepth: 0 };

/**
 * Measures one operation of a parsed document. Each fragment is measured once and its figures
 * reused wherever it is spread (a document of fragments spreading each other twice, level after
 * level, costs linear time, while the counts it would answer grow as they would), and a fragment
 * cycle counts as nothing here (validation refuses it).
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, Measure>();
  const measuring = new Set<string>();

  const measureSet = (set: SelectionSetNode, inIntrospection: boolean): Measure => {
    const total = { ...ZERO };
    for (const selection of set.selections) {
      let part: Measure;
      const ownDirectives = selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const introspection = inIntrospection || name === '__schema' || name === '__type';
        const below = selection.selectionSet ? measureSet(selection.selectionSet, introspection) : ZERO;
        const isList = introspection && INTROSPECTION_LISTS.has(name);
        part = {
          depth: introspection ? 0 : below.depth + 1,
          aliases: below.aliases + (selection.alias ? 1 : 0),
          directives: below.directives,
          introspectionDepth: below.introspectionDepth + (isList ? 1 : 0),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = measureSet(selection.selectionSet, inIntrospection);
      } else {
        part = measureFragment(selection.name.value, inIntrospection);
      }
      total.depth = Math.max(total.depth, part.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, part.introspectionDepth);
      total.aliases += part.aliases;
      total.directives += part.directives + ownDirectives;
    }
    return total;
  };

  const measureFragment = (name: string, inIntrospection: boolean): Measure => {
    const key = `${inIntrospection}:${name}`;
    const known = measured.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(key)) return ZERO;
    measuring.add(key);
    const measure = measureSet(fragment.selectionSet, inIntrospection);
    measure.directives += fragment.directives?.length ?? 0;
    measuring.delete(key);
    measured.set(key, measure);
    return measure;
  };

  const root = measureSet(operation.selectionSet, false);
  return {
    depth: root.depth,
    aliases: root.aliases,
    rootFields: countRootFields(operation.selectionSet, fragments),
    directives: root.directives + (operation.directives?.length ?? 0),
    introspectionDepth: root.introspectionDepth,
  };
}

/** Root fields, each fragment counted once and reused (a fragment cycle counts nothing: validation refuses it). */
function countRootFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  const counted = new Map<string, number>();
  const count = (selections: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) total += selection.name.value === '__typename' ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        if (!counted.has(name)) {
          counted.set(name, 0);
          counted.set(name, count(fragment.selectionSet));
        }
        total += counted.get(name)!;
      }
    }
    return total;
  };
  return count(set);
}

/** The shape limits, each with the figure it bounds. */
export const SHAPE_LIMITS = [
  [OperationLimit.DEPTH, 'maxDepth', 'depth'],
  [OperationLimit.ALIASES, 'maxAliases', 'aliases'],
  [OperationLimit.ROOT_FIELDS, 'maxRootFields', 'rootFields'],
  [OperationLimit.DIRECTIVES, 'maxDirectives', 'directives'],
  [OperationLimit.INTROSPECTION_DEPTH, 'maxIntrospectionDepth', 'introspectionDepth'],
] as const;

export type ShapeLimits = Record<(typeof SHAPE_LIMITS)[number][1], number>;

/** The first limit the shape passes, with the figures, or null when it keeps within all of them. */
export function firstLimitPassed(
  shape: OperationShape,
  limits: ShapeLimits,
): { limit: OperationLimit; maximum: number; actual: number } | null {
  for (const [limit, setting, figure] of SHAPE_LIMITS) {
    if (shape[figure] > limits[setting]) return { limit, maximum: limits[setting], actual: shape[figure] };
  }
  return null;
}
