import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Connection,
  DecimalScalar,
  Money,
  MutationPayload,
  PageArgs,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import type Decimal from 'decimal.js';
import { Brand, Product, Solution } from '../entities/index.js';
import { BillingPeriod, BillingTiming } from '@nuage/contracts';
import { findProducts, priceOf } from '../services/products.js';
import { addProduct, updateProduct } from '../services/catalogue-changes.js';
import type { Context } from '../loaders.js';

const ProductConnection = Connection(Product, 'Product', 'product');
const ProductPayload = MutationPayload(Product, 'ProductPayload', 'product', 'product');

@InputType({
  description: 'Narrows the price list ("Rechercher un produit": par marque, par référence, par désignation).',
})
class ProductFilter {
  @Field(() => ID, { nullable: true, description: "Only this brand's products." })
  brandId?: string;

  @Field(() => String, { nullable: true, description: 'Words in the brand name ("Par marque").' })
  brand?: string;

  @Field(() => String, { nullable: true, description: 'The start of the reference ("Par référence"), e.g. "1458".' })
  reference?: string;

  @Field(() => String, { nullable: true, description: 'Words in the designation ("Par désignation").' })
  designation?: string;

  @Field(() => ID, { nullable: true, description: "Only this solution's products." })
  solutionId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include products withdrawn from the price list.' })
  includeRetired?: boolean;
}

@ObjectType({
  description: 'What a product costs: list price less the market discount, or quoted on request ("sur cotation").',
})
class ProductPrice {
  @Field(() => Boolean, { description: 'Whether the supplier quotes the price on request ("sur cotation").' })
  onQuote!: boolean;

  @Field(() => Money, { nullable: true, description: 'List price excl. VAT; null when quoted on request.' })
  listPrice!: Money | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Market discount in percent, e.g. "3.10".' })
  discountPercent!: Decimal | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Unit price excl. VAT: list price × (1 − discount), rounded half up to the cent.',
  })
  unitPriceExclVat!: Money | null;

  @Field(() => Boolean, { description: 'Whether the price is illustrative seed data, not the market price list.' })
  illustrative!: boolean;

  @Field(() => String, {
    description: 'The price as people read it, e.g. "Sur cotation" or "9 690,00 € HT (prix indicatif)".',
  })
  label!: string;
}

@InputType({ description: 'A product reference to add to the price list.' })
class AddProductInput {
  @Field(() => ID, { description: 'The brand that sells it.' })
  brandId!: string;

  @Field(() => ID, { nullable: true, description: 'The solution it belongs to, if any.' })
  solutionId?: string;

  @Field(() => String, { description: 'Reference, 6 to 12 digits.' })
  code!: string;

  @Field(() => String, { description: 'Designation.' })
  designation!: string;

  @Field(() => String, { description: 'What one unit is.' })
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Commitment in months.' })
  commitmentMonths?: number;

  @Field(() => BillingPeriod, { description: 'How often it is invoiced.' })
  billingPeriod!: BillingPeriod;

  @Field(() => BillingTiming, { description: 'In advance or in arrears.' })
  billingTiming!: BillingTiming;

  @Field(() => DecimalScalar, { nullable: true, description: 'List price excl. VAT; omit for "sur cotation".' })
  listPrice?: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Market discount in percent.' })
  discountPercent?: Decimal;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@InputType({ description: 'Changes to a product reference; only the fields given change.' })
class UpdateProductInput {
  @Field(() => ID, { description: 'The product.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New designation.' })
  designation?: string;

  @Field(() => String, { nullable: true, description: 'New unit.' })
  unit?: string;

  @Field(() => Int, { nullable: true, description: 'New commitment in months.' })
  commitmentMonths?: number;

  @Field(() => BillingPeriod, { nullable: true, description: 'New billing period.' })
  billingPeriod?: BillingPeriod;

  @Field(() => BillingTiming, { nullable: true, description: 'In advance or in arrears.' })
  billingTiming?: BillingTiming;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New list price excl. VAT; null makes it "sur cotation".',
  })
  listPrice?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'New market discount in percent.' })
  discountPercent?: Decimal | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true withdraws it from the price list; false offers it again.',
  })
  retired?: boolean;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

const decimalText = (value: Decimal | null | undefined) =>
  value === undefined ? undefined : value === null ? null : value.toFixed();

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'The price list, in reference order.' })
  products(
    @Arg('filter', () => ProductFilter, {
      nullable: true,
      description: 'Criteria that must all hold; everything when omitted.',
    })
    filter: ProductFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return findProducts(em, { ...filter }, page);
  }

  @Query(() => Product, { nullable: true, description: 'One product by id.' })
  product(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() { loaders }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return loaders.productById.load(id);
  }

  @FieldResolver(() => Brand, { description: 'The brand that sells it.' })
  brand(@Root() product: Product, @Ctx() { loaders }: Context) {
    return loaders.brandById.load(product.brand.id);
  }

  @FieldResolver(() => Solution, { nullable: true, description: 'The solution it belongs to, if any.' })
  solution(@Root() product: Product, @Ctx() { loaders }: Context) {
    return product.solution ? loaders.solutionById.load(product.solution.id) : null;
  }

  @FieldResolver(() => ProductPrice, { description: 'What it costs.' })
  price(@Root() product: Product, @Ctx() { locale }: Context): ProductPrice {
    const price = priceOf(product);
    const unitPrice = price.unitPrice === null ? null : Money.of(price.unitPrice, locale);
    const quoted = locale === 'fr' ? 'Sur cotation' : 'Quoted on request';
    const amount = unitPrice && `${unitPrice.formatted} ${locale === 'fr' ? 'HT' : 'excl. VAT'}`;
    const illustrative = price.illustrative ? (locale === 'fr' ? ' (prix indicatif)' : ' (illustrative price)') : '';
    return {
      onQuote: price.onQuote,
      listPrice: price.listPrice === null ? null : Money.of(price.listPrice, locale),
      discountPercent: price.discountPercent,
      unitPriceExclVat: unitPrice,
      illustrative: price.illustrative,
      label: `${amount ?? quoted}${illustrative}`,
    };
  }

  @Mutation(() => ProductPayload, { description: 'Adds a product reference to the price list (market holder).' })
  addProduct(
    @Arg('input', () => AddProductInput, { description: 'What to do; see the input type.' }) input: AddProductInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { brandId, solutionId, reason, listPrice, discountPercent, ...values } = input;
    return addProduct(
      context.em,
      caller,
      brandId,
      solutionId ?? null,
      { ...values, listPrice: decimalText(listPrice) ?? null, discountPercent: decimalText(discountPercent) ?? null },
      reason,
    ).then(succeeded);
  }

  @Mutation(() => ProductPayload, {
    description: 'Changes a product reference: price, discount, terms, or withdraws it (market holder).',
  })
  updateProduct(
    @Arg('input', () => UpdateProductInput, { description: 'What to do; see the input type.' })
    input: UpdateProductInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { id, reason, listPrice, discountPercent, ...values } = input;
    return updateProduct(
      context.em,
      caller,
      id,
      { ...values, listPrice: decimalText(listPrice), discountPercent: decimalText(discountPercent) },
      reason,
    ).then(succeeded);
  }
}
