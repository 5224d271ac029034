import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { callerOf, Connection, PageArgs, pick, type SubgraphContext } from '@nuage/shared';
import { BeneficiaryEntityReference, BrandReference, Order, ORDER_STATUS_LABELS } from '../entities';
import { listOrders } from '../services/orders';

const OrderConnection = Connection(Order, 'Order', 'order');

@Resolver(() => Order)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderConnection, { description: "Orders the caller may see (own entity's, own brand's, or all for market-wide staff), newest first." })
  orders(@Args(() => PageArgs) page: PageArgs, @Ctx() context: SubgraphContext) {
    return listOrders(context.em, callerOf(context), page);
  }

  @FieldResolver(() => String, { description: "The status in the caller's language, e.g. \"A livrer\"." })
  statusLabel(@Root() order: Order, @Ctx() { locale }: SubgraphContext) {
    return pick(ORDER_STATUS_LABELS[order.status], locale);
  }

  @FieldResolver(() => BrandReference, { description: 'The provider delivering the order.' })
  brand(@Root() order: Order) {
    return BrandReference.of(order.brandId);
  }

  @FieldResolver(() => BeneficiaryEntityReference, { description: 'The entity that ordered.' })
  beneficiaryEntity(@Root() order: Order) {
    return BeneficiaryEntityReference.of(order.entityId);
  }
}
