import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Caller, type Identity, Money } from '@nuage/platform';
import { OrderLine } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { renewalCandidatesByProject } from '../services/orders.js';
import { RenewalFilter } from './order.inputs.js';

@ObjectType({ description: 'The renewal candidates of one project.' })
class RenewalProject {
  @Field(() => String, { description: 'The project.' })
  projectName!: string;

  @Field(() => [OrderLine], { description: 'Its lines, by due date.' })
  lines!: OrderLine[];
}

@ObjectType({ description: '"Choix de la commande": order lines a renewal could extend, grouped by project.' })
class RenewalCandidates {
  @Field(() => Int, { description: 'How many lines.' })
  count!: number;

  @Field(() => Money, { description: 'The total potential amount excl. VAT of renewing them all.' })
  totalPotential!: Money;

  @Field(() => [RenewalProject], { description: 'By project.' })
  projects!: RenewalProject[];
}

@Resolver()
export class RenewalResolver {
  @Query(() => RenewalCandidates, {
    description:
      '"Choix de la commande": running subscription lines a renewal could extend, by due date, grouped by project.',
  })
  async renewalCandidates(
    @Arg('filter', () => RenewalFilter, { nullable: true, description: 'Criteria that must all hold.' }) filter:
      | RenewalFilter
      | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ): Promise<RenewalCandidates> {
    const candidates = await renewalCandidatesByProject(context.em, caller, { ...filter });
    return { ...candidates, totalPotential: Money.of(candidates.totalPotential, context.locale) };
  }
}
