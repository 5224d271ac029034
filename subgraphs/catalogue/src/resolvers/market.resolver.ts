import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '@nuage/platform';
import { Market } from '../entities';

@Resolver(() => Market)
export class MarketResolver {
  @Authorized()
  @Query(() => [Market], { description: 'The markets of UGAP this platform serves.' })
  markets(@Ctx() { em }: SubgraphContext) {
    return em.find(Market, {}, { orderBy: { name: 'asc' } });
  }
}
