import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { BeneficiaryEntity, BrandReference, Person } from '../entities/index.js';
import type { Context } from '../loaders.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description: 'The person calling, from their token; null if the account no longer exists.',
  })
  me(@Ctx() context: Context, @Caller() caller: Identity) {
    return context.loaders.personById.load(caller.userId);
  }

  @FieldResolver(() => String, { description: 'Full name.' })
  name(@Root() person: Person) {
    return `${person.firstName} ${person.lastName}`;
  }

  @FieldResolver(() => BeneficiaryEntity, {
    nullable: true,
    description: 'The entity a beneficiary or manager acts for.',
  })
  entity(@Root() person: Person, @Ctx() { loaders }: Context) {
    return person.entity ? loaders.entityById.load(person.entity.id) : null;
  }

  @FieldResolver(() => BrandReference, { nullable: true, description: 'The brand a supplier acts for.' })
  brand(@Root() person: Person) {
    return person.brandId ? BrandReference.of(person.brandId) : null;
  }
}
