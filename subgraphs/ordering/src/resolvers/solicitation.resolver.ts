import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { callerOf, Connection, PageArgs, Role, type SubgraphContext } from '@nuage/shared';
import { BrandReference, RequestReference, Solicitation } from '../entities';
import { requestsToAnswer } from '../services/solicitations';

const SolicitationConnection = Connection(Solicitation, 'Solicitation', 'solicitation');

@Resolver(() => Solicitation)
export class SolicitationResolver {
  @Authorized(Role.SUPPLIER)
  @Query(() => SolicitationConnection, { description: "The open requests that solicit the supplier's brand, latest first." })
  requestsToAnswer(@Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext) {
    return requestsToAnswer(context.em, callerOf(context), page);
  }

  @FieldResolver(() => RequestReference, { description: 'The request, with its need and messages (resolved by the requests subgraph).' })
  request(@Root() solicitation: Solicitation) {
    return RequestReference.of(solicitation.requestId);
  }

  @FieldResolver(() => BrandReference, { description: 'The solicited brand.' })
  brand(@Root() solicitation: Solicitation) {
    return BrandReference.of(solicitation.brandId);
  }
}
