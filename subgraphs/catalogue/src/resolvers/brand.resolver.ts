import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { Connection, LocalDate, PageArgs, type SubgraphContext } from '@nuage/shared';
import { Brand, Solution } from '../entities';
import { findBrands } from '../services/brands';
import type { CatalogueLoaders } from '../loaders';

type Context = SubgraphContext<CatalogueLoaders>;

const BrandConnection = Connection(Brand, 'Brand', 'brand');

@InputType({ description: 'Narrows the list of brands; every criterion given must hold.' })
class BrandFilter {
  @Field(() => String, { nullable: true, description: 'Words in the name, tagline or description of the brand or of one of its solutions (2 characters at least).' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'A certification code one of its solutions holds on `asOf`, e.g. "SECNUMCLOUD".' })
  certification?: string;

  @Field(() => String, { nullable: true, description: 'A service category code the brand covers, e.g. "VDI".' })
  serviceCategory?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only brands subject to extra-European legislation; false: only those known not to be.' })
  extraEuLegislation?: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The day certifications are checked on (today by default).' })
  asOf?: string;
}

@Resolver(() => Brand)
export class BrandResolver {
  @Authorized()
  @Query(() => BrandConnection, { description: 'The brands of the market, in name order.' })
  brands(
    @Arg('filter', () => BrandFilter, { nullable: true }) filter: BrandFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: Context,
  ) {
    return findBrands(em, { ...filter }, page);
  }

  @Authorized()
  @Query(() => Brand, { nullable: true, description: 'One brand by id.' })
  brand(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.brandById.load(id);
  }

  @FieldResolver(() => [Solution], { description: 'The solutions the brand offers on the market, in name order.' })
  solutions(@Root() brand: Brand, @Ctx() { loaders }: Context) {
    return loaders.solutionsByBrand.load(brand.id);
  }
}
