import { Ctx, Directive, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { DashboardReference, OrderStatus, ProposalStatus } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { ordersFor, proposalsFor } from '../services/access.js';

/** The caller's orders counted by status, one statement for all the dashboard's order counts and the list's total. */
const orderCounts = (context: Context, caller: Identity) => ordersFor(context.em, caller).countsByStatus();

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
  ordersInProgress(@Ctx() context: Context, @Caller() caller: Identity) {
    return orderCounts(context, caller).total([OrderStatus.AWAITING_VALIDATION, OrderStatus.TO_DELIVER]);
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
  activationsToValidate(@Ctx() context: Context, @Caller() caller: Identity) {
    return orderCounts(context, caller).total([OrderStatus.SERVICES_OPENED]);
  }

  @FieldResolver(() => Int, { description: '"Commandes": every order the caller may see.' })
  orders(@Ctx() context: Context, @Caller() caller: Identity) {
    return orderCounts(context, caller).total();
  }
}
