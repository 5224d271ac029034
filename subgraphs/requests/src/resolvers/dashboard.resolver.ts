import { Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { RequestStatus } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { requestsFor } from '../services/access.js';
import { IN_PROGRESS } from '../services/request-lifecycle.js';

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

/** The caller's requests counted by status, one statement for both counts and the list's total. */
const requestCounts = (context: Context, caller: Identity) => requestsFor(context.em, caller).countsByStatus();

@Resolver(() => Dashboard)
export class DashboardResolver {
  // Shared with the ordering subgraph, which answers its own counts beside its lists.
  @Directive('@shareable')
  @Query(() => Dashboard, { description: "The caller's dashboard counts ('Tableau de bord')." })
  dashboard(@Caller() caller: Identity): Dashboard {
    return { id: caller.userId };
  }

  @FieldResolver(() => Int, { description: '"Demandes en cours": requests submitted and not yet ordered.' })
  requestsInProgress(@Ctx() context: Context, @Caller() caller: Identity) {
    return requestCounts(context, caller).total(IN_PROGRESS);
  }

  @FieldResolver(() => Int, { description: 'Drafts to finish.' })
  draftRequests(@Ctx() context: Context, @Caller() caller: Identity) {
    return requestCounts(context, caller).total([RequestStatus.DRAFT]);
  }
}
