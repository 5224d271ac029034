import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** An operation's estimated cost, and the path of fields that costs most (`requests.edges.node.proposals`). */
export interface CostEstimate {
  cost: number;
  costliestPath: string;
}

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** What the cost of one field depends on, read once from the supergraph. */
interface FieldFacts {
  /** The field's `@cost(weight:)`, or its type's, or 1 for an object and 0 for a scalar or enum. */
  weight: number;
  isList: boolean;
  listSize?: ListSize;
  returnType: GraphQLNamedType;
}

/** A mutation's root field weighs this much unless it declares its own `@cost` (as Apollo's demand control does). */
const MUTATION_WEIGHT = 10;

const argumentsOf = (directive: ConstDirectiveNode) =>
  Object.fromEntries(
    (directive.arguments ?? []).map((argument) => [argument.name.value, constValue(argument.value)]),
  ) as Record<string, unknown>;

function constValue(value: ValueNode): unknown {
  switch (value.kind) {
    case Kind.INT:
      return Number(value.value);
    case Kind.STRING:
      return value.value;
    case Kind.BOOLEAN:
      return value.value;
    case Kind.LIST:
      return value.values.map(constValue);
    default:
      return undefined;
  }
}

const directiveOf = (node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string) =>
  node?.directives?.find((directive) => directive.name.value === name);

/**
 * Demand control from the schema: the subgraphs declare `@cost(weight:)` on what is expensive and
 * `@listSize` on their lists; composition carries both into the supergraph, where the gateway's API
 * schema drops them, so they are read here from the supergraph's text.
 *
 * An operation costs the sum of its fields; an object weighs 1, a scalar or an enum 0, a field its
 * `@cost` when it declares one; a list multiplies what each item costs by its size: `first` or
 * `last` when given, else the declared `assumedSize`, else `defaultListSize`. A connection's size
 * applies to its `edges` (`sizedFields`). Fragments on different types add up: an upper bound.
 */
export class CostModel {
  private readonly schema: GraphQLSchema;
  private readonly facts = new Map<string, Map<string, FieldFacts>>();

  constructor(
    supergraphSdl: string,
    private readonly defaultListSize: number,
  ) {
    this.schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
    for (const type of Object.values(this.schema.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const fields = new Map<string, FieldFacts>();
      const isMutation = type === this.schema.getMutationType();
      for (const field of Object.values(type.getFields())) {
        const returnType = getNamedType(field.type);
        const fieldCost = directiveOf(field.astNode, 'cost');
        const typeCost = directiveOf(returnType.astNode as never, 'cost');
        const listSize = directiveOf(field.astNode, 'listSize');
        const declared = fieldCost ?? typeCost;
        fields.set(field.name, {
          weight: declared
            ? (argumentsOf(declared).weight as number)
            : isMutation
              ? MUTATION_WEIGHT
              : isCompositeType(returnType)
                ? 1
                : 0,
          isList: isListType(getNullableType(field.type)),
          listSize: listSize ? (argumentsOf(listSize) as ListSize) : undefined,
          returnType,
        });
      }
      this.facts.set(type.name, fields);
    }
  }

  estimate(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> = {},
  ): CostEstimate {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const defaults = Object.fromEntries(
      (operation.variableDefinitions ?? []).map((definition) => [
        definition.variable.name.value,
        definition.defaultValue ? constValue(definition.defaultValue) : undefined,
      ]),
    );
    const argumentValue = (node: ValueNode): unknown =>
      node.kind === Kind.VARIABLE ? (variables[node.name.value] ?? defaults[node.name.value]) : constValue(node);

    const sizeFrom = (field: FieldNode, listSize: ListSize | undefined): number | undefined => {
      const given = (listSize?.slicingArguments ?? [])
        .map((name) => field.arguments?.find((argument) => argument.name.value === name))
        .map((argument) => (argument ? argumentValue(argument.value) : undefined))
        .filter((value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0);
      return given.length ? Math.max(...given) : listSize?.assumedSize;
    };

    const memo = new Map<string, CostEstimate>();
    const visiting = new Set<string>();
    const costOfSet = (
      typeName: string,
      set: SelectionSetNode,
      sized: Record<string, number> | undefined,
    ): { cost: number; path: string[] } => {
      let cost = 0;
      let costliest: { cost: number; path: string[] } = { cost: -1, path: [] };
      const add = (part: { cost: number; path: string[] }) => {
        cost += part.cost;
        if (part.cost > costliest.cost) costliest = part;
      };
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) add(costOfField(typeName, selection, sized));
        else if (selection.kind === Kind.INLINE_FRAGMENT)
          add(costOfSet(selection.typeCondition?.name.value ?? typeName, selection.selectionSet, sized));
        else {
          const fragment = fragments.get(selection.name.value);
          const key = `${selection.name.value}:${JSON.stringify(sized ?? {})}`;
          if (!fragment || visiting.has(key)) continue;
          let known = memo.get(key);
          if (!known) {
            visiting.add(key);
            const part = costOfSet(fragment.typeCondition.name.value, fragment.selectionSet, sized);
            visiting.delete(key);
            known = { cost: part.cost, costliestPath: part.path.join('.') };
            memo.set(key, known);
          }
          add({ cost: known.cost, path: known.costliestPath ? known.costliestPath.split('.') : [] });
        }
      }
      return { cost, path: costliest.path };
    };

    const costOfField = (
      typeName: string,
      field: FieldNode,
      sized: Record<string, number> | undefined,
    ): { cost: number; path: string[] } => {
      // Introspection is answered by the gateway itself, bounded by the shape limits.
      const facts = this.facts.get(typeName)?.get(field.name.value);
      if (!facts) return { cost: 0, path: [] };
      const ownSize = sizeFrom(field, facts.listSize);
      const slicesChildren = !!facts.listSize?.sizedFields?.length;
      const below =
        field.selectionSet && isCompositeType(facts.returnType)
          ? costOfSet(
              facts.returnType.name,
              field.selectionSet,
              slicesChildren && ownSize !== undefined
                ? Object.fromEntries(facts.listSize!.sizedFields!.map((name) => [name, ownSize]))
                : undefined,
            )
          : { cost: 0, path: [] };
      const size = facts.isList
        ? (sized?.[field.name.value] ?? (slicesChildren ? undefined : ownSize) ?? this.defaultListSize)
        : 1;
      return {
        cost: size * (facts.weight + below.cost),
        path: [field.alias?.value ?? field.name.value, ...below.path],
      };
    };

    const root =
      operation.operation === 'mutation'
        ? this.schema.getMutationType()
        : operation.operation === 'subscription'
          ? this.schema.getSubscriptionType()
          : this.schema.getQueryType();
    const { cost, path: costliest } = root
      ? costOfSet(root.name, operation.selectionSet, undefined)
      : { cost: 0, path: [] };
    return { cost: Math.min(cost, Number.MAX_SAFE_INTEGER), costliestPath: costliest.join('.') };
  }
}
