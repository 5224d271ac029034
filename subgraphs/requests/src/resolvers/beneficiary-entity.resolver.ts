import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { BeneficiaryEntity } from '../entities/index.js';
import type { Context } from '../loaders.js';

@Resolver(() => BeneficiaryEntity)
export class BeneficiaryEntityResolver {
  @Query(() => BeneficiaryEntity, {
    nullable: true,
    description:
      "A beneficiary entity's profile: for its own people, market-wide staff, and the suppliers of brands its submitted requests solicit; null for anyone else.",
  })
  beneficiaryEntity(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
    @Caller() _signedIn: Identity,
  ) {
    return context.loaders.readableEntityById.load(id);
  }
}
