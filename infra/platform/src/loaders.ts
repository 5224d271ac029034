import DataLoader from 'dataloader';
import { raw, type EntityManager, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { readingOptions } from './request-scope.js';

/**
 * Loads rows by id, one SQL statement per batch; unknown ids give null, and so do rows that fail
 * `where` (e.g. what the reader may see, for other subgraphs' references; built only when a batch is loaded).
 */
export function loaderById<T extends { id: string }>(
  em: EntityManager,
  entity: ClassType<T>,
  where?: () => FilterQuery<T>,
) {
  return new DataLoader<string, T | null>(async (ids) => {
    const byIds = { id: { $in: [...ids] } } as unknown as FilterQuery<T>;
    const rows = await em.find(entity, (where ? { $and: [byIds, where()] } : byIds) as never, readingOptions());
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Loads the children of many parents in one SQL statement per batch (e.g. the solutions of every
 * brand in a page). `parentKey` is the many-to-one property that points to the parent.
 */
export function loaderByParent<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  parentKey: keyof T & string,
  orderBy: QueryOrderMap<T>,
  /** A further condition every child must meet (e.g. what the caller may read). */
  where?: FilterQuery<T>,
) {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const byParent = { [parentKey]: { $in: [...parentIds] } } as FilterQuery<T>;
    const rows = await em.find(
      entity,
      (where ? { $and: [byParent, where] } : byParent) as never,
      {
        orderBy,
        ...readingOptions(),
      } as never,
    );
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const parent = (row as Record<string, unknown>)[parentKey] as { id: string } | string;
      groups.get(typeof parent === 'string' ? parent : parent.id)?.push(row);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

const statusCountsOf = new WeakMap<object, Promise<Map<string, number>>>();

/**
 * How many rows there are per status, in one grouped statement, computed once per `parent` (a
 * dashboard's counts each read their statuses from it rather than counting again).
 */
export function countsByStatus<T extends { status: string }>(
  parent: object,
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
) {
  let counts = statusCountsOf.get(parent);
  if (!counts) {
    counts = em
      .createQueryBuilder(entity)
      .select(['status', raw('count(*) as count')] as never)
      .where(where as never)
      .groupBy('status' as never)
      .execute<{ status: string; count: string }[]>('all', false)
      .then((rows) => new Map(rows.map((row) => [row.status, Number(row.count)])));
    statusCountsOf.set(parent, counts);
  }
  return {
    /** Rows in these statuses, or in any status when none is given. */
    async total(statuses?: readonly string[]) {
      const all = await counts;
      return statuses
        ? statuses.reduce((sum, status) => sum + (all.get(status) ?? 0), 0)
        : [...all.values()].reduce((a, b) => a + b, 0);
    },
  };
}
