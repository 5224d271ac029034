import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Caller, type Identity } from '@nuage/platform';
import { OrderLineReference, OrderReference, RequestReference } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { readableFigures } from '../services/figures.js';
import { ConsumptionFigures, consumptionFigures } from './consumption.types.js';

/** The figures of these commitments that the caller may read, for people. */
export async function figuresFor(
  context: Context,
  caller: Identity,
  commitments: Parameters<typeof readableFigures>[2],
) {
  const figures = await readableFigures(context.loaders, caller, commitments);
  return figures ? consumptionFigures(figures, context.locale) : null;
}

/** Consumption added to other subgraphs' types. */
@Resolver(() => OrderLineReference)
export class OrderLineConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: 'Consumption of the line against its commitment ("Consommation"); null before activation.',
  })
  async consumption(@Root() line: OrderLineReference, @Ctx() context: Context, @Caller() caller: Identity) {
    return figuresFor(context, caller, (await context.loaders.commitmentsByLine.load(line.id)) ?? []);
  }
}

@Resolver(() => OrderReference)
export class OrderConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: 'Consumption of the order against its commitments; null before activation.',
  })
  async consumption(@Root() order: OrderReference, @Ctx() context: Context, @Caller() caller: Identity) {
    return figuresFor(context, caller, await context.loaders.commitmentsByOrder.load(order.id));
  }
}

@Resolver(() => RequestReference)
export class RequestConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: 'Consumption of the orders of the request ("Consommation" in "Demandes").',
  })
  async consumption(@Root() request: RequestReference, @Ctx() context: Context, @Caller() caller: Identity) {
    return figuresFor(context, caller, await context.loaders.commitmentsByRequest.load(request.id));
  }
}
