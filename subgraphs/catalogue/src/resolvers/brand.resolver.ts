import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Connection,
  NESTED_LIST_CAP,
  LocalDate,
  MutationPayload,
  PageArgs,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import { Brand, Solution } from '../entities/index.js';
import { findBrands } from '../services/brands.js';
import { updateBrand } from '../services/catalogue-changes.js';
import type { Context } from '../loaders.js';

const BrandConnection = Connection(Brand, 'Brand', 'brand');
const BrandPayload = MutationPayload(Brand, 'BrandPayload', 'brand', 'brand');

@InputType({ description: "Corrections to a brand's facts; only the fields given change." })
class UpdateBrandInput {
  @Field(() => ID, { description: 'The brand.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New tagline.' })
  tagline?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166 country of the contracting legal entity.' })
  legalCountry?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Exposure to extra-European legislation; null when not established.',
  })
  extraEuLegislation?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Service categories the brand provides across its solutions.' })
  services?: string[];

  @Field(() => String, { nullable: true, description: 'Legal name of the contracting company, as documents print it.' })
  legalName?: string;

  @Field(() => String, { nullable: true, description: 'Its registration (SIRET, SIREN or foreign register).' })
  registration?: string;

  @Field(() => String, { nullable: true, description: 'Its registered address.' })
  address?: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@InputType({ description: 'Narrows the list of brands; every criterion given must hold.' })
class BrandFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words in the name, tagline or description of the brand or of one of its solutions (2 characters at least).',
  })
  text?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A certification code one of its solutions holds on `asOf`, e.g. "SECNUMCLOUD".',
  })
  certification?: string;

  @Field(() => String, { nullable: true, description: 'A service category code the brand covers, e.g. "VDI".' })
  serviceCategory?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only brands subject to extra-European legislation; false: only those known not to be.',
  })
  extraEuLegislation?: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The day certifications are checked on (today by default).' })
  asOf?: string;
}

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => BrandConnection, { description: 'The brands of the market, in name order.' })
  brands(
    @Arg('filter', () => BrandFilter, {
      nullable: true,
      description: 'Criteria that must all hold; everything when omitted.',
    })
    filter: BrandFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return findBrands(em, { ...filter }, page);
  }

  @Query(() => Brand, { nullable: true, description: 'One brand by id.' })
  brand(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() { loaders }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return loaders.brandById.load(id);
  }

  @FieldResolver(() => [Solution], {
    description: `The solutions the brand offers on the market, in name order: the first ${NESTED_LIST_CAP}; \`solutions(filter: { brandId })\` pages through all.`,
  })
  async solutions(
    @Root() brand: Brand,
    @Arg('includeRetired', () => Boolean, {
      defaultValue: false,
      description: 'Include solutions withdrawn from the market.',
    })
    includeRetired: boolean,
    @Ctx() { loaders }: Context,
  ) {
    const solutions = await loaders.solutionsByBrand.load(brand.id);
    return (includeRetired ? solutions : solutions.filter((s) => s.retiredAt === null)).slice(0, NESTED_LIST_CAP);
  }

  @Mutation(() => BrandPayload, {
    description: "Corrects a brand's facts (market holder); the change is dated and kept.",
  })
  updateBrand(
    @Arg('input', () => UpdateBrandInput, { description: 'What to do; see the input type.' }) input: UpdateBrandInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { id, reason, ...changes } = input;
    return updateBrand(context.em, caller, id, changes, reason).then(succeeded);
  }
}
