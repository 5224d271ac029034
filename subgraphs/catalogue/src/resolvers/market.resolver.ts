import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { type SubgraphContext, Caller, type Identity, MutationPayload, succeeded } from '@nuage/platform';
import { Market } from '../entities/index.js';
import { updateMarket } from '../services/catalogue-changes.js';

const MarketPayload = MutationPayload(Market, 'MarketPayload', 'market', 'market');

@InputType({ description: "Corrections to a market's parties as documents print them; only the fields given change." })
class UpdateMarketInput {
  @Field(() => ID, { description: 'The market.' })
  id!: string;

  @Field(() => String, { nullable: true, description: "The market's reference, as UGAP numbers it." })
  reference?: string;

  @Field(() => String, { nullable: true, description: "The holder's registration (SIRET)." })
  holderRegistration?: string;

  @Field(() => String, { nullable: true, description: "The holder's registered address." })
  holderAddress?: string;

  @Field(() => String, { nullable: true, description: "The purchasing body's registration (SIRET)." })
  purchasingBodyRegistration?: string;

  @Field(() => String, { nullable: true, description: "The purchasing body's address." })
  purchasingBodyAddress?: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@Resolver(() => Market)
export class MarketResolver {
  @Query(() => [Market], { description: 'The markets of UGAP this platform serves.' })
  markets(@Ctx() { em }: SubgraphContext, @Caller() _signedIn: Identity) {
    return em.find(Market, {}, { orderBy: { name: 'asc' } });
  }

  @Mutation(() => MarketPayload, {
    description:
      "Completes or corrects a market's parties (market holder): the documents issued from then on print them.",
  })
  updateMarket(
    @Arg('input', () => UpdateMarketInput, { description: 'What to change.' }) input: UpdateMarketInput,
    @Ctx() { em }: SubgraphContext,
    @Caller() caller: Identity,
  ) {
    const { id, reason, ...changes } = input;
    return updateMarket(em, caller, id, changes, reason).then(succeeded);
  }
}
