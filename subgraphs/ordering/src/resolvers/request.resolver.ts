import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { Proposal, RequestReference } from '../entities/index.js';
import type { Context } from '../loaders.js';

/** What the ordering subgraph adds to a request. */
@Resolver(() => RequestReference)
export class RequestProposalsResolver {
  @FieldResolver(() => [Proposal], {
    description: 'The proposals answering it that the caller may read (a supplier its own), latest first.',
  })
  proposals(@Root() request: RequestReference, @Ctx() context: Context, @Caller() _signedIn: Identity) {
    return context.loaders.proposalsByRequest.load(request.id);
  }
}
