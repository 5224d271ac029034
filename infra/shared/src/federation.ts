import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import gql from 'graphql-tag';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, Directive, Field, ID, ObjectType, type BuildSchemaOptions } from 'type-graphql';
import { forbidden, unauthenticated } from './errors';
import type { SubgraphContext } from './context';

/** Federation 2 directives the subgraphs may use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@tag"])`;

/** Reference resolvers by type name: how a subgraph finds an entity from its `@key`. */
export type ReferenceResolvers = Record<string, { // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph types its own loaders
  __resolveReference: (reference: any, context: SubgraphContext<any>) => unknown }>;

/**
 * type-graphql's `@Authorized(...roles)`: no identity is UNAUTHENTICATED; a role not listed is
 * FORBIDDEN. Finer rules (own entity, own brand) live in each subgraph's services.
 */
// An arrow function: type-graphql takes a function with a prototype for an auth-checker class.
const authChecker = ({ context }: { context: SubgraphContext }, roles: string[]): boolean => {
  if (!context.identity) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.identity.role)) {
    throw forbidden(`This action is reserved to ${roles.join(', ')}; you are ${context.identity.role}.`);
  }
  return true;
};

/** Builds a federated subgraph schema from type-graphql resolvers, with its reference resolvers. */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker'>,
  references: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, authChecker, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildSubgraphSchema([{ typeDefs: gql`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`, resolvers }]);
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
