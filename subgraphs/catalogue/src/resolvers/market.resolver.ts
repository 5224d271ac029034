import { Ctx, Query, Resolver } from 'type-graphql';
import { type SubgraphContext, Caller, type Identity } from '@nuage/platform';
import { Market } from '../entities/index.js';

@Resolver(() => Market)
export class MarketResolver {
  @Query(() => [Market], { description: 'The markets of UGAP this platform serves.' })
  markets(@Ctx() { em }: SubgraphContext, @Caller() _signedIn: Identity) {
    return em.find(Market, {}, { orderBy: { name: 'asc' } });
  }
}
