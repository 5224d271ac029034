import {
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { callerOf, countsByStatus, type SubgraphContext } from '@nuage/platform';
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
  @Field(() => ID, { description: "Whose dashboard: the caller's person id." })
  id!: string;
}

/** The caller's requests counted by status, one statement for both counts. */
const requestCounts = (dashboard: Dashboard, context: SubgraphContext) =>
  countsByStatus(dashboard, context.em, ServiceRequest, visibleRequests(context.em, callerOf(context)));

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized()
  @Query(() => Dashboard, { description: "The caller's dashboard counts ('Tableau de bord')." })
  dashboard(@Ctx() context: SubgraphContext): Dashboard {
    return { id: callerOf(context).userId };
  }

  @FieldResolver(() => Int, { description: '"Demandes en cours": requests submitted and not yet ordered.' })
  requestsInProgress(@Root() dashboard: Dashboard, @Ctx() context: SubgraphContext) {
    return requestCounts(dashboard, context).total(IN_PROGRESS);
  }

  @FieldResolver(() => Int, { description: 'Drafts to finish.' })
  draftRequests(@Root() dashboard: Dashboard, @Ctx() context: SubgraphContext) {
    return requestCounts(dashboard, context).total([RequestStatus.DRAFT]);
  }
}

/** Another subgraph asks for the caller's dashboard: it is always the caller's own. */
export const resolveDashboardReference = (_reference: { id: string }, context: SubgraphContext): Dashboard => ({
  id: callerOf(context).userId,
});
