import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * What an order line commits the buyer to (its amount excl. VAT over its period), from the
 * ordering subgraph's "order activated" events: the yardstick consumption is measured against.
 */
@Entity({ tableName: 'commitment' })
@Index({ properties: ['orderId'] })
@Index({ properties: ['entityId'] })
@Index({ properties: ['requestId'] })
export class Commitment {
  [OptionalProps]?: 'credited';

  @PrimaryKey({ type: 'uuid' })
  orderLineId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'string' })
  orderReference!: string;

  @Property({ type: 'uuid', nullable: true })
  requestId!: string | null;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'string', nullable: true })
  projectName!: string | null;

  @Property({ type: 'text' })
  designation!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  committedAmount!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  dueDate!: string;

  /** Credit notes granted on the line, excl. VAT, from ordering's events: money given back, not usage. */
  @Property({ type: 'decimal', precision: 14, scale: 2, default: '0' })
  credited: string = '0.00';
}

/**
 * One line of usage a supplier pushed, in the FinOps FOCUS vocabulary where it fits. Its id is the
 * supplier's, unique per brand: a retried batch adds nothing twice.
 */
@Entity({ tableName: 'usage_line' })
@Unique({ properties: ['brandId', 'lineId'] })
@Index({ properties: ['orderLineId', 'chargePeriodStart'] })
@Index({ properties: ['chargePeriodStart'] })
export class UsageLine {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  /** The supplier's id of the line. */
  @Property({ type: 'string' })
  lineId!: string;

  @Property({ type: 'uuid' })
  orderLineId!: string;

  /** FOCUS ChargePeriodStart / ChargePeriodEnd. */
  @Property({ type: 'datetime' })
  chargePeriodStart!: Date;

  @Property({ type: 'datetime' })
  chargePeriodEnd!: Date;

  /** FOCUS ServiceName, ServiceCategory, ResourceId, SkuId. */
  @Property({ type: 'string' })
  serviceName!: string;

  @Property({ type: 'string' })
  serviceCategory!: string;

  @Property({ type: 'string', nullable: true })
  resourceId!: string | null;

  @Property({ type: 'string', nullable: true })
  skuId!: string | null;

  /** FOCUS ConsumedQuantity / ConsumedUnit. */
  @Property({ type: 'decimal', precision: 20, scale: 6 })
  consumedQuantity!: string;

  @Property({ type: 'string' })
  consumedUnit!: string;

  /** FOCUS BilledCost / EffectiveCost, in BillingCurrency (EUR only on this market). */
  @Property({ type: 'decimal', precision: 14, scale: 4 })
  billedCost!: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  effectiveCost!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** FOCUS Tags. */
  @Property({ type: 'json', nullable: true })
  tags!: Record<string, string> | null;
}

/**
 * Monthly totals kept up to date at each ingestion (same transaction), so that figures and the
 * analysts' aggregations read thousands of rows, not millions.
 */
@Entity({ tableName: 'usage_month' })
@Index({ properties: ['month'] })
export class UsageMonth {
  @PrimaryKey({ type: 'uuid' })
  orderLineId!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'string' })
  serviceCategory!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'decimal', precision: 16, scale: 4 })
  effectiveCost!: string;

  @Property({ type: 'decimal', precision: 16, scale: 4 })
  billedCost!: string;

  @Property({ type: 'integer' })
  lines!: number;
}

/** An alert raised for an order line: once per threshold, once for a forecast that runs out early. */
@Entity({ tableName: 'consumption_alert' })
@Unique({ properties: ['orderLineId', 'kind', 'threshold'] })
@Index({ properties: ['entityId', 'createdAt'] })
export class ConsumptionAlert {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'uuid' })
  orderLineId!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'string' })
  kind!: 'THRESHOLD' | 'FORECAST';

  /** The threshold crossed; 0 for a forecast alert (so the unique key holds). */
  @Property({ type: 'integer' })
  threshold!: number;

  @Property({ type: 'decimal', precision: 7, scale: 2 })
  percentUsed!: string;

  /** Null when the alert was raised before a forecast could be made. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  proposedRenewal!: string | null;

  @Property({ type: 'date', nullable: true })
  forecastExhaustion!: string | null;

  @Property({ type: 'datetime', nullable: true })
  renewalRequestedAt: Date | null = null;
}
