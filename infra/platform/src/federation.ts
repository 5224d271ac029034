import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { MapperKind, mapSchema, printSchemaWithDirectives } from '@graphql-tools/utils';
import gql from 'graphql-tag';
import { isNonNullType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import {
  buildSchema,
  createResolversMap,
  Directive,
  Field,
  ID,
  ObjectType,
  type BuildSchemaOptions,
} from 'type-graphql';
import { DomainError, domainErrorOfDatabase, UserError } from './errors.js';
import { ErrorCode } from '@nuage/contracts';
import type { SubgraphContext } from './context.js';
import { checkInputsOnEntry, describeInputLimits } from './input-checks.js';
import { assertStillWanted } from './request-scope.js';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

/** Federation 2 directives the subgraphs may use (2.9 for the demand-control directives `@cost` and `@listSize`). */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@tag", "@cost", "@listSize"])`;

/** Reference resolvers by type name: how a subgraph finds an entity from its `@key`. */
export type ReferenceResolvers = Record<
  string,
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph types its own keys and loaders, and parameter types do not widen to unknown
  { __resolveReference: (reference: any, context: SubgraphContext<any, any>) => unknown }
>;

/** Builds a federated subgraph schema from type-graphql resolvers, with its reference resolvers. */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker'>,
  references: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  // Access is checked by `@Caller()` and the services, not by type-graphql's `@Authorized`.
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  checkInputsOnEntry(schema, resolvers);
  refusalsInPayloads(schema, resolvers);
  stopWhenAbandoned(schema, resolvers);
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildSubgraphSchema([
    {
      typeDefs: gql`${FEDERATION_LINK}\n${printSchemaWithDirectives(withPagesSized(withInputLimitsDescribed(withNullableRoots(schema))))}`,
      resolvers,
    },
  ]);
}

/**
 * Every root field of a query is nullable: a refusal, or a subgraph that cannot answer, nulls that
 * field alone (with its error and path), and the rest of the answer survives.
 */
const withNullableRoots = (schema: GraphQLSchema) =>
  mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field) => ({
      ...field,
      type: isNonNullType(field.type) ? field.type.ofType : field.type,
    }),
  });

/**
 * A field is resolved only while its caller still waits for the answer: a query abandoned by its
 * client (the gateway closes its call) stops at the next field instead of running to the end.
 */
function stopWhenAbandoned(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>) {
  for (const type of Object.values(schema.getTypeMap())) {
    const fields = isObjectType(type) ? (resolvers[type.name] as Record<string, unknown> | undefined) : undefined;
    for (const [field, resolve] of Object.entries(fields ?? {})) {
      if (typeof resolve !== 'function') continue;
      fields![field] = (...args: unknown[]) => {
        assertStillWanted();
        return (resolve as (...a: unknown[]) => unknown)(...args);
      };
    }
  }
}

/**
 * Every paged list (a connection taking `first`/`last`) declares its size to the gateway's demand
 * control: `first` or `last` items, or the default page when neither is given. Declared here, once,
 * where the page arguments are defined, so that no connection can be left unsized.
 */
const withPagesSized = (schema: GraphQLSchema) =>
  mapSchema(schema, {
    [MapperKind.COMPOSITE_FIELD]: (field) =>
      field.args && 'first' in field.args && 'last' in field.args
        ? {
            ...field,
            extensions: {
              ...field.extensions,
              directives: {
                ...(field.extensions?.directives as Record<string, unknown> | undefined),
                listSize: {
                  assumedSize: DEFAULT_PAGE_SIZE,
                  slicingArguments: ['first', 'last'],
                  sizedFields: ['edges'],
                  requireOneSlicingArgument: false,
                },
              },
            },
          }
        : field,
  });

/** Each input's description states its limits, from the tables the entry check uses. */
const withInputLimitsDescribed = (schema: GraphQLSchema) =>
  mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_FIELD]: (field, fieldName) => describeInputLimits(fieldName, field),
    [MapperKind.COMPOSITE_FIELD]: (field) =>
      field.args
        ? {
            ...field,
            args: Object.fromEntries(
              Object.entries(field.args).map(([name, argument]) => [name, describeInputLimits(name, argument)]),
            ),
          }
        : field,
  });

/**
 * The one rule for refusals of mutations: a domain refusal (FORBIDDEN included) is reported in the
 * payload's `errors`, never as a top-level error; only a missing identity is (UNAUTHENTICATED).
 */
function refusalsInPayloads(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>) {
  const mutation = schema.getMutationType();
  const mutationResolvers = resolvers[mutation?.name ?? ''] as
    | Record<string, GraphQLFieldResolver<unknown, unknown>>
    | undefined;
  if (!mutation || !mutationResolvers) return;
  for (const name of Object.keys(mutation.getFields())) {
    const resolve = mutationResolvers[name];
    if (typeof resolve !== 'function') continue;
    mutationResolvers[name] = async (source, args, context, info) => {
      try {
        return await resolve(source, args, context, info);
      } catch (thrown) {
        const error = domainErrorOfDatabase(thrown) ?? thrown;
        if (error instanceof DomainError && error.code !== ErrorCode.UNAUTHENTICATED)
          return { errors: [UserError.from(error)] };
        throw error;
      }
    };
  }
}

/**
 * A type another subgraph owns, known here by its key only (`id`). With `resolvable: true` this
 * subgraph can also be asked for it through `_entities`, to add fields of its own to it.
 */
export function EntityReference(typeName: string, { resolvable = false } = {}) {
  @Directive(resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(typeName)
  class Reference {
    @Field(() => ID)
    id!: string;

    static of<T extends Reference>(this: new () => T, id: string): T {
      return Object.assign(new this(), { id });
    }
  }
  return Reference;
}
