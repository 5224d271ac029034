import DataLoader from 'dataloader';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
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
