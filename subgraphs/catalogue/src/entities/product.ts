import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { BillingPeriod, BillingTiming } from '@nuage/contracts';
import { Brand } from './brand.js';
import { Solution } from './solution.js';

/**
 * A product reference of the market's price list ("Choix des produits"): what a buyer puts on a
 * renewal or complementary order. Priced by list price and market discount, or quoted on request.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A product reference of the market price list, e.g. 145897 "Prestation d\'abonnement OVH Engagement 12 mois".',
})
@Entity({ tableName: 'product' })
@Index({
  name: 'product_designation_trgm',
  expression: 'create index "product_designation_trgm" on "product" using gin ("designation" gin_trgm_ops)',
})
@Index({
  name: 'product_code_prefix',
  expression: 'create index "product_code_prefix" on "product" ("code" text_pattern_ops)',
})
export class Product extends BaseEntity {
  @Field(() => String, { description: 'Reference of the product on the market, e.g. "145897".' })
  @Property({ type: 'string', unique: true })
  code!: string;

  @Field(() => String, { description: 'Designation as the price list writes it.' })
  @Property({ type: 'string' })
  designation!: string;

  @Index()
  @ManyToOne({ entity: () => Brand })
  brand!: Brand;

  @Index()
  @ManyToOne({ entity: () => Solution, nullable: true })
  solution!: Solution | null;

  @Field(() => String, { description: 'What one unit is, e.g. "abonnement", "vCPU / mois", "jour".' })
  @Property({ type: 'string' })
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Commitment length in months; null without commitment.' })
  @Property({ type: 'integer', nullable: true })
  commitmentMonths!: number | null;

  @Field(() => BillingPeriod, { description: 'How often it is invoiced.' })
  @Enum({ items: () => BillingPeriod, nativeEnumName: 'billing_period' })
  billingPeriod!: BillingPeriod;

  @Field(() => BillingTiming, { description: 'Invoiced in advance or in arrears.' })
  @Enum({ items: () => BillingTiming, nativeEnumName: 'billing_timing' })
  billingTiming!: BillingTiming;

  /** List price excl. VAT, exact to the cent; null when quoted on request. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  listPrice!: string | null;

  /** The market discount in percent (e.g. "3.10"); null when quoted on request. */
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  discountPercent!: string | null;

  /** Whether the price seen here is illustrative seed data rather than the market's price list. */
  @Property({ type: 'boolean', default: false })
  illustrativePrice: boolean = false;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn from the price list; null while offered.' })
  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}
