import { Arg, Args, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Caller, Connection, DecimalScalar, type Identity, Money, PageArgs } from '@nuage/platform';
import type { UsageLine } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { listUsageLines } from '../services/usage.js';

@ObjectType({ description: 'One line of usage a supplier pushed for an order line (FinOps FOCUS vocabulary).' })
class UsageLineView {
  @Field(() => String, { description: "The supplier's id of the line." })
  lineId!: string;

  @Field(() => Date, { description: 'FOCUS ChargePeriodStart.' })
  chargePeriodStart!: Date;

  @Field(() => Date, { description: 'FOCUS ChargePeriodEnd.' })
  chargePeriodEnd!: Date;

  @Field(() => String, { description: 'FOCUS ServiceName.' })
  serviceName!: string;

  @Field(() => String, { description: 'FOCUS ServiceCategory.' })
  serviceCategory!: string;

  @Field(() => String, { nullable: true, description: 'FOCUS ResourceId.' })
  resourceId!: string | null;

  @Field(() => String, { nullable: true, description: 'FOCUS SkuId.' })
  skuId!: string | null;

  @Field(() => DecimalScalar, { description: 'FOCUS ConsumedQuantity.' })
  consumedQuantity!: string;

  @Field(() => String, { description: 'FOCUS ConsumedUnit.' })
  consumedUnit!: string;

  @Field(() => Money, { description: 'FOCUS BilledCost (euros, to 4 decimals as pushed).' })
  billedCost!: Money;

  @Field(() => Money, { description: 'FOCUS EffectiveCost (euros, to 4 decimals as pushed).' })
  effectiveCost!: Money;
}

const UsageLineConnection = Connection(UsageLineView, 'UsageLine', 'usage line');

const view = (line: UsageLine, context: Context): UsageLineView => ({
  ...line,
  billedCost: Money.of(line.billedCost, context.locale),
  effectiveCost: Money.of(line.effectiveCost, context.locale),
});

@Resolver()
export class UsageLineResolver {
  @Query(() => UsageLineConnection, {
    nullable: true,
    description:
      'The usage lines of one order line, latest charge period first, to check an invoice against consumption (its parties and market-wide staff).',
  })
  async usageLines(
    @Arg('orderLineId', () => ID, { description: 'The order line.' }) orderLineId: string,
    @Arg('from', () => Date, { nullable: true, description: 'Charge periods starting at or after this instant.' })
    from: Date | undefined,
    @Arg('to', () => Date, { nullable: true, description: 'Charge periods starting before this instant.' })
    to: Date | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const connection = await listUsageLines(context.em, caller, orderLineId, { from, to }, page);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: view(edge.node, context) })),
    };
  }
}
