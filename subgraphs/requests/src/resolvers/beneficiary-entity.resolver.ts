import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertMayReadEntity, callerOf, type SubgraphContext } from '@nuage/shared';
import { BeneficiaryEntity } from '../entities';
import type { RequestsLoaders } from '../loaders';

@Resolver(() => BeneficiaryEntity)
export class BeneficiaryEntityResolver {
  @Authorized()
  @Query(() => BeneficiaryEntity, { nullable: true, description: "A beneficiary entity's profile: its own agents and market-wide staff only." })
  async beneficiaryEntity(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() context: Context) {
    assertMayReadEntity(callerOf(context), id);
    return context.loaders.entityById.load(id);
  }
}
type Context = SubgraphContext<RequestsLoaders>;
