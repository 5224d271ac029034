import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { callerOf, countsByStatus, type SubgraphContext } from '@nuage/platform';
import { DashboardReference, Order, OrderStatus, Proposal, ProposalStatus } from '../entities';
import { visibleProposals } from '../services/proposals';
import { visibleOrders } from '../services/orders';

/** The caller's orders counted by status, one statement for all the dashboard's order counts. */
const orderCounts = (dashboard: DashboardReference, context: SubgraphContext) =>
  countsByStatus(dashboard, context.em, Order, visibleOrders(callerOf(context)));

/** The dashboard counts the ordering subgraph owns. */
@Resolver(() => DashboardReference)
export class DashboardResolver {
  @FieldResolver(() => Int, { description: '"Commandes en cours": orders awaiting validation or delivery.' })
  ordersInProgress(@Root() dashboard: DashboardReference, @Ctx() context: SubgraphContext) {
    return orderCounts(dashboard, context).total([OrderStatus.AWAITING_VALIDATION, OrderStatus.TO_DELIVER]);
  }

  @FieldResolver(() => Int, {
    description: '"Demande d\'achat à valider": proposals awaiting the manager\'s approval.',
  })
  purchaseRequestsToApprove(@Root() _dashboard: DashboardReference, @Ctx() context: SubgraphContext) {
    return context.em.count(Proposal, {
      $and: [visibleProposals(callerOf(context)), { status: ProposalStatus.AWAITING_MANAGER }],
    });
  }

  @FieldResolver(() => Int, {
    description: '"Mise en service à valider": orders whose services the supplier declared open.',
  })
  activationsToValidate(@Root() dashboard: DashboardReference, @Ctx() context: SubgraphContext) {
    return orderCounts(dashboard, context).total([OrderStatus.SERVICES_OPENED]);
  }

  @FieldResolver(() => Int, { description: '"Commandes": every order the caller may see.' })
  orders(@Root() dashboard: DashboardReference, @Ctx() context: SubgraphContext) {
    return orderCounts(dashboard, context).total();
  }
}
