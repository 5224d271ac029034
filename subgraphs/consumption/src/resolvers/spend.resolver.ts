import { Arg, Directive, Ctx, Query, Resolver, registerEnumType } from 'type-graphql';
import { Caller, type Identity, LocalDate, Money } from '@nuage/platform';
import type { Context } from '../loaders.js';
import { spendByMonth } from '../services/spend.js';
import { SpendRow } from './consumption.types.js';

export enum SpendDimension {
  BRAND = 'BRAND',
  ENTITY = 'ENTITY',
  SERVICE_CATEGORY = 'SERVICE_CATEGORY',
}
registerEnumType(SpendDimension, {
  name: 'SpendDimension',
  description: 'How analysts group spend.',
  valuesConfig: {
    BRAND: { description: 'By brand (id).' },
    ENTITY: { description: 'By beneficiary entity (id).' },
    SERVICE_CATEGORY: { description: 'By FOCUS service category.' },
  },
});

@Resolver()
export class SpendResolver {
  // A row per brand (or entity, or category) and month: about 15 brands × 36 months at most for
  // brands; 100 rows, 200 points, match the 160 measured over 1,000,000 usage lines (`npm run bench`).
  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [SpendRow], {
    nullable: true,
    description:
      'Spend by brand, entity or service category and month over the whole market, from the monthly totals (market holder, UGAP and analysts; null with FORBIDDEN for others).',
  })
  async spendByMonth(
    @Arg('dimension', () => SpendDimension, { description: 'How to group.' }) dimension: SpendDimension,
    @Arg('from', () => LocalDate, { nullable: true, description: 'First month (its first day).' }) from:
      | string
      | undefined,
    @Arg('to', () => LocalDate, { nullable: true, description: 'Last month (any day of it).' }) to: string | undefined,
    @Ctx() { em, locale }: Context,
    @Caller() caller: Identity,
  ): Promise<SpendRow[]> {
    return (await spendByMonth(em, caller, dimension, from, to)).map((row) => ({
      key: row.key,
      month: row.month,
      effectiveCost: Money.of(row.effectiveCost, locale),
      billedCost: Money.of(row.billedCost, locale),
      lines: row.lines,
    }));
  }
}
