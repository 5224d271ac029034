import type { EntityManager } from '@mikro-orm/postgresql';
import { type Identity, sql } from '@nuage/platform';
import { assertMay } from './access.js';

/** How analysts group spend. */
export type SpendGrouping = 'BRAND' | 'ENTITY' | 'SERVICE_CATEGORY';

const COLUMN: Record<SpendGrouping, string> = {
  BRAND: 'brand_id',
  ENTITY: 'entity_id',
  SERVICE_CATEGORY: 'service_category',
};

export interface SpendFigures {
  key: string;
  month: string;
  effectiveCost: string;
  billedCost: string;
  lines: number;
}

/** Spend over the whole market by group and month, from the monthly totals (one statement). */
export async function spendByMonth(
  em: EntityManager,
  caller: Identity,
  grouping: SpendGrouping,
  from: string | undefined,
  to: string | undefined,
): Promise<SpendFigures[]> {
  assertMay(caller, 'spend:read');
  const rows = await sql<{ key: string; month: string; effective: string; billed: string; lines: string }[]>(
    em,
    `select ${COLUMN[grouping]}::text as key, to_char(month, 'YYYY-MM') as month, sum(effective_cost) as effective, sum(billed_cost) as billed, sum(lines) as lines
       from usage_month where month >= ?::date and month <= ?::date group by 1, 2 order by 2, 1`,
    [from ?? '1900-01-01', to ?? '2999-12-31'],
  );
  return rows.map((r) => ({
    key: r.key,
    month: r.month,
    effectiveCost: r.effective,
    billedCost: r.billed,
    lines: Number(r.lines),
  }));
}
