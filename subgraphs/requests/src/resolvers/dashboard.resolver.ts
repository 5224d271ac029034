import { Authorized, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { callerOf, type Identity, type SubgraphContext } from '@nuage/shared';
import { RequestStatus, ServiceRequest } from '../entities';
import { visibleRequests } from '../services/access';
import { IN_PROGRESS } from '../services/request-lifecycle';

/**
 * The dashboard ("Tableau de bord") of the caller. Each count is contributed by the subgraph that
 * owns the data (ordering adds its own), so one query gathers them all.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'The counts of the dashboard ("Tableau de bord"), for the caller.' })
export class Dashboard {
  @Field(() => ID, { description: 'Whose dashboard: the caller\'s person id.' })
  id!: string;
}

const countRequests = (context: SubgraphContext, caller: Identity, statuses: RequestStatus[]) =>
  context.em.count(ServiceRequest, { $and: [visibleRequests(context.em, caller), { status: { $in: statuses } }] });

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized()
  @Query(() => Dashboard, { description: "The caller's dashboard counts ('Tableau de bord')." })
  dashboard(@Ctx() context: SubgraphContext): Dashboard {
    return { id: callerOf(context).userId };
  }

  @FieldResolver(() => Int, { description: '"Demandes en cours": requests submitted and not yet ordered.' })
  requestsInProgress(@Root() _dashboard: Dashboard, @Ctx() context: SubgraphContext) {
    return countRequests(context, callerOf(context), IN_PROGRESS);
  }

  @FieldResolver(() => Int, { description: 'Drafts to finish.' })
  draftRequests(@Root() _dashboard: Dashboard, @Ctx() context: SubgraphContext) {
    return countRequests(context, callerOf(context), [RequestStatus.DRAFT]);
  }
}

/** Another subgraph asks for the caller's dashboard: it is always the caller's own. */
export const resolveDashboardReference = (_reference: { id: string }, context: SubgraphContext): Dashboard => ({ id: callerOf(context).userId });
