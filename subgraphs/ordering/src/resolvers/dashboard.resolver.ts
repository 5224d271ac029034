import { Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Caller, countsByStatus, type Identity } from '@nuage/platform';
import { DashboardReference, Order, OrderStatus, ProposalStatus } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { orderScope, proposalsFor } from '../services/access.js';

/** The caller's orders counted by status, one statement for all the dashboard's order counts. */
const orderCounts = (dashboard: DashboardReference, context: Context, caller: Identity) =>
  countsByStatus(dashboard, context.em, Order, orderScope(caller));

/** The dashboard counts the ordering subgraph owns. */
@Resolver(() => DashboardReference)
export class DashboardResolver {
  // Shared with the requests subgraph: the gateway asks each for its counts beside its lists, in
  // the calls it makes anyway, instead of a further call to resolve the dashboard by its id.
  @Directive('@shareable')
  @Query(() => DashboardReference, { description: "The caller's dashboard counts ('Tableau de bord')." })
  dashboard(@Caller() caller: Identity): DashboardReference {
    return DashboardReference.of(caller.userId);
  }

  @FieldResolver(() => Int, { description: '"Commandes en cours": orders awaiting validation or delivery.' })
  ordersInProgress(@Root() dashboard: DashboardReference, @Ctx() context: Context, @Caller() caller: Identity) {
    return orderCounts(dashboard, context, caller).total([OrderStatus.AWAITING_VALIDATION, OrderStatus.TO_DELIVER]);
  }

  @FieldResolver(() => Int, {
    description: '"Demande d\'achat à valider": proposals awaiting the manager\'s approval.',
  })
  purchaseRequestsToApprove(@Ctx() context: Context, @Caller() caller: Identity) {
    return proposalsFor(context.em, caller).count({ status: ProposalStatus.AWAITING_MANAGER });
  }

  @FieldResolver(() => Int, {
    description: '"Mise en service à valider": orders whose services the supplier declared open.',
  })
  activationsToValidate(@Root() dashboard: DashboardReference, @Ctx() context: Context, @Caller() caller: Identity) {
    return orderCounts(dashboard, context, caller).total([OrderStatus.SERVICES_OPENED]);
  }

  @FieldResolver(() => Int, { description: '"Commandes": every order the caller may see.' })
  orders(@Root() dashboard: DashboardReference, @Ctx() context: Context, @Caller() caller: Identity) {
    return orderCounts(dashboard, context, caller).total();
  }
}
