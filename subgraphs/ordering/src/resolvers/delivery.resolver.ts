import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Caller, Connection, DecimalScalar, type Identity, PageArgs } from '@nuage/platform';
import { Delivery, DeliveryLine, Order } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { listDeliveries } from '../services/orders.js';

const DeliveryConnection = Connection(Delivery, 'Delivery', 'delivery note');

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Query(() => DeliveryConnection, { description: '"Bons de livraison" the caller may see, newest first.' })
  deliveries(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    return listDeliveries(context.em, caller, page);
  }

  @FieldResolver(() => Order, { description: 'The order delivered.' })
  order(@Root() delivery: Delivery, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(delivery.order.id);
  }

  @FieldResolver(() => [DeliveryLine], { description: 'What it delivers, line by line.' })
  lines(@Root() delivery: Delivery, @Ctx() { loaders }: Context) {
    return loaders.linesByDelivery.load(delivery.id);
  }
}

@Resolver(() => DeliveryLine)
export class DeliveryLineResolver {
  @FieldResolver(() => DecimalScalar, { description: 'Quantity delivered.' })
  quantity(@Root() line: DeliveryLine) {
    return line.quantity;
  }

  @FieldResolver(() => ID, { description: 'The order line delivered.' })
  orderLineId(@Root() line: DeliveryLine) {
    return line.orderLine.id;
  }
}
