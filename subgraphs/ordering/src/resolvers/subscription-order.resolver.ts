import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Caller, Connection, type Identity, PageArgs } from '@nuage/platform';
import { Order, Proposal, SubscriptionOrder } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { listSubscriptionOrders } from '../services/orders.js';

const SubscriptionOrderConnection = Connection(SubscriptionOrder, 'SubscriptionOrder', 'subscription order');

@Resolver(() => SubscriptionOrder)
export class SubscriptionOrderResolver {
  @Query(() => SubscriptionOrderConnection, { description: '"Bons de souscription" the caller may see, newest first.' })
  subscriptionOrders(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    return listSubscriptionOrders(context.em, caller, page);
  }

  @FieldResolver(() => Proposal, { description: 'The accepted proposal.' })
  proposal(@Root() subscription: SubscriptionOrder, @Ctx() { loaders }: Context) {
    return loaders.proposalById.load(subscription.proposal.id);
  }

  @FieldResolver(() => Order, { description: 'The order it created.' })
  order(@Root() subscription: SubscriptionOrder, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(subscription.orderId);
  }

  @FieldResolver(() => Date, { description: 'When the buyer subscribed.' })
  subscribedAt(@Root() subscription: SubscriptionOrder) {
    return subscription.createdAt;
  }
}
