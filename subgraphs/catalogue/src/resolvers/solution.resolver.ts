import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDate, todayInParis, type SubgraphContext } from '@nuage/shared';
import { Brand, Certification, Solution } from '../entities';
import type { CatalogueLoaders } from '../loaders';

type Context = SubgraphContext<CatalogueLoaders>;

const heldOn = (certification: Certification, day: string) =>
  (certification.validFrom === null || certification.validFrom <= day) && (certification.validTo === null || certification.validTo >= day);

@Resolver(() => Solution)
export class SolutionResolver {
  @FieldResolver(() => Brand, { description: 'The brand that offers the solution.' })
  async brand(@Root() solution: Solution, @Ctx() { loaders }: Context) {
    return loaders.brandById.load(solution.brand.id);
  }

  @FieldResolver(() => [Certification], { description: 'Certifications the solution holds on `asOf` (today by default).' })
  async certifications(
    @Root() solution: Solution,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | undefined,
    @Ctx() { loaders }: Context,
  ) {
    const day = asOf ?? todayInParis();
    return (await loaders.certificationsBySolution.load(solution.id)).filter((c) => heldOn(c, day));
  }
}
