import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { callerOf, type SubgraphContext } from '@nuage/shared';
import { Proposal, RequestReference } from '../entities';
import { visibleProposals } from '../services/proposals';

/** What the ordering subgraph adds to a request. */
@Resolver(() => RequestReference)
export class RequestProposalsResolver {
  @FieldResolver(() => [Proposal], { description: 'The proposals answering it that the caller may read (a supplier its own), latest first.' })
  proposals(@Root() request: RequestReference, @Ctx() context: SubgraphContext) {
    return context.em.find(Proposal, { $and: [{ requestId: request.id }, visibleProposals(callerOf(context))] }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }
}
