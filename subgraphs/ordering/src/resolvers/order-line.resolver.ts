import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DecimalScalar } from '@nuage/platform';
import { Order, OrderLine } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { LineAmounts, lineAmounts } from './pricing.types.js';
import { BillingReconciliation, reconciliation } from './billing.types.js';

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => LineAmounts, { description: 'Quantity, unit prices and line totals.' })
  amounts(@Root() line: OrderLine, @Ctx() { locale }: Context) {
    return lineAmounts(line, locale);
  }

  @FieldResolver(() => DecimalScalar, { description: '"Qté livrée": quantity delivered so far.' })
  quantityDelivered(@Root() line: OrderLine) {
    return line.quantityDelivered;
  }

  @FieldResolver(() => BillingReconciliation, {
    description:
      'Committed, invoiced, credited and paid for this line (excl. VAT), to check against its `consumption`.',
  })
  async billing(@Root() line: OrderLine, @Ctx() { loaders, locale }: Context) {
    return reconciliation(await loaders.billingByOrderLine.load(line.id), locale);
  }

  @FieldResolver(() => Order, { description: 'The order it belongs to.' })
  order(@Root() line: OrderLine, @Ctx() { loaders }: Context) {
    return loaders.orderById.load(line.order.id);
  }
}
