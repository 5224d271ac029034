import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { invalid } from './errors.js';
import { readingOptions } from './request-scope.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/**
 * The most items a list nested in another type returns (a brand's solutions, an entity's people…):
 * a list that is not a connection is capped, and says in its description where to page through all.
 */
export const NESTED_LIST_CAP = 100;

@Directive('@shareable')
@ObjectType({ description: 'Where a page stands in a list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of the page; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items after \`after\` (at most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} by default).`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `How many items before \`before\` (at most ${MAX_PAGE_SIZE}).` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  before?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares the GraphQL `<Name>Connection` and `<Name>Edge` types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string, noun: string) {
  @ObjectType(`${name}Edge`, { description: `One ${noun} in a list, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item, for `after` / `before`.' })
    cursor!: string;

    @Field(() => node, { description: `The ${noun}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${noun}s (Relay cursor connection).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: `The ${noun}s of this page, in order.` })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${noun}s match, over all pages.` })
    totalCount!: number;
  }
  return ConnectionType;
}

function pageSize(args: PageArgs): { first?: number; last?: number } {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value != null && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw invalid(key, {
        fr: `${key} doit être compris entre 1 et ${MAX_PAGE_SIZE}.`,
        en: `${key} must be between 1 and ${MAX_PAGE_SIZE}.`,
      });
    }
  }
  if (args.first != null && args.last != null)
    throw invalid('last', { fr: 'Indiquez first ou last, pas les deux.', en: 'Pass first or last, not both.' });
  if (args.last != null) return { last: args.last };
  return { first: args.first ?? DEFAULT_PAGE_SIZE };
}

/**
 * One page of a list by keyset (cursor) pagination: two SQL statements (the page and the count),
 * whatever the page size, or one when `totalCount` is known otherwise (counts the request reads
 * anyway). `orderBy` must end with a unique column so that the order is stable.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>[],
  args: PageArgs,
  totalCount?: () => Promise<number>,
): Promise<ConnectionShape<T>> {
  const size = pageSize(args);
  try {
    const [cursor, counted] = await Promise.all([
      em.findByCursor(entity, {
        where,
        orderBy,
        ...size,
        ...(args.after ? { after: args.after } : {}),
        ...(args.before ? { before: args.before } : {}),
        ...(totalCount ? { includeCount: false } : {}),
        ...readingOptions(),
      } as never),
      totalCount?.(),
    ]);
    const items = cursor.items as T[];
    return {
      edges: items.map((node) => ({ cursor: cursor.from(node as never), node })),
      pageInfo: {
        hasNextPage: cursor.hasNextPage,
        hasPreviousPage: cursor.hasPrevPage,
        startCursor: cursor.startCursor,
        endCursor: cursor.endCursor,
      },
      totalCount: counted ?? (cursor.totalCount as number),
    };
  } catch (error) {
    if (error instanceof Error && /cursor/i.test(error.message)) {
      throw invalid(args.after ? 'after' : 'before', {
        fr: "Ce curseur n'est pas valide pour cette liste.",
        en: 'This cursor is not valid for this list.',
      });
    }
    throw error;
  }
}

const offsetCursor = (index: number) => Buffer.from(`at:${index}`).toString('base64url');
function offsetOf(cursor: string, field: string): number {
  const match = /^at:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw invalid(field, {
      fr: "Ce curseur n'est pas valide pour cette liste.",
      en: 'This cursor is not valid for this list.',
    });
  return Number(match[1]);
}

/**
 * One page of a list already computed in memory (e.g. the results of an evaluation), with the
 * same arguments and cursors semantics as `paginate`.
 */
export function connectionFromArray<T>(items: readonly T[], args: PageArgs): ConnectionShape<T> {
  const size = pageSize(args);
  let start = args.after ? offsetOf(args.after, 'after') + 1 : 0;
  let end = args.before ? offsetOf(args.before, 'before') : items.length;
  if (size.first !== undefined) end = Math.min(end, start + size.first);
  if (size.last !== undefined) start = Math.max(start, end - size.last);
  const edges = items.slice(start, end).map((node, i) => ({ cursor: offsetCursor(start + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}
