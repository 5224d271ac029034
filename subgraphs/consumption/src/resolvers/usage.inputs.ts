import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, JSONObject } from '@nuage/platform';
import type Decimal from 'decimal.js';
import type { UsageInput } from '../services/usage.js';

@InputType({ description: 'One usage line, in the FinOps FOCUS vocabulary.' })
export class UsageLineInput {
  @Field(() => String, {
    description: 'Your id of the line (FOCUS extension x_LineId): a line sent twice is kept once.',
  })
  lineId!: string;

  @Field(() => ID, { description: 'The order line consumed (x_OrderLineId).' })
  orderLineId!: string;

  @Field(() => Date, { description: 'ChargePeriodStart.' })
  chargePeriodStart!: Date;

  @Field(() => Date, { description: 'ChargePeriodEnd.' })
  chargePeriodEnd!: Date;

  @Field(() => String, { description: 'ServiceName.' })
  serviceName!: string;

  @Field(() => String, { description: 'ServiceCategory, e.g. "Compute".' })
  serviceCategory!: string;

  @Field(() => String, { nullable: true, description: 'ResourceId.' })
  resourceId?: string;

  @Field(() => String, { nullable: true, description: 'SkuId.' })
  skuId?: string;

  @Field(() => DecimalScalar, { description: 'ConsumedQuantity.' })
  consumedQuantity!: Decimal;

  @Field(() => String, { description: 'ConsumedUnit, e.g. "Hours".' })
  consumedUnit!: string;

  @Field(() => DecimalScalar, { description: 'BilledCost.' })
  billedCost!: Decimal;

  @Field(() => DecimalScalar, { description: 'EffectiveCost.' })
  effectiveCost!: Decimal;

  @Field(() => String, { description: 'BillingCurrency: EUR.' })
  currency!: string;

  @Field(() => JSONObject, { nullable: true, description: 'Tags.' })
  tags?: Record<string, string>;
}

/** The usage line as the service takes it: exact decimals as text, instants in ISO 8601. */
export const usageInput = (line: UsageLineInput): UsageInput => ({
  ...line,
  chargePeriodStart: line.chargePeriodStart.toISOString(),
  chargePeriodEnd: line.chargePeriodEnd.toISOString(),
  consumedQuantity: line.consumedQuantity.toFixed(),
  billedCost: line.billedCost.toFixed(),
  effectiveCost: line.effectiveCost.toFixed(),
});
