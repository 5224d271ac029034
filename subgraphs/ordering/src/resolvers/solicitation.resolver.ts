import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Caller, Connection, type Identity, PageArgs } from '@nuage/platform';
import type { Context } from '../loaders.js';
import { BrandReference, RequestReference, Solicitation } from '../entities/index.js';
import { requestsToAnswer } from '../services/solicitations.js';

const SolicitationConnection = Connection(Solicitation, 'Solicitation', 'solicitation');

@Resolver(() => Solicitation)
export class SolicitationResolver {
  @Query(() => SolicitationConnection, {
    nullable: true,
    description:
      "The requests that solicit the supplier's brand and still await its answer, latest first. A request leaves the list once it is ordered, closed or cancelled, or once the brand's proposal is refused or closed.",
  })
  requestsToAnswer(
    @Arg('includeClosed', () => Boolean, {
      defaultValue: false,
      description: 'Also list the solicitations that no longer await an answer (ordered, refused, closed, cancelled).',
    })
    includeClosed: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return requestsToAnswer(context.em, caller, page, includeClosed);
  }

  @FieldResolver(() => RequestReference, {
    description: 'The request, with its need and messages (resolved by the requests subgraph).',
  })
  request(@Root() solicitation: Solicitation) {
    return RequestReference.of(solicitation.requestId);
  }

  @FieldResolver(() => BrandReference, { description: 'The solicited brand.' })
  brand(@Root() solicitation: Solicitation) {
    return BrandReference.of(solicitation.brandId);
  }
}
