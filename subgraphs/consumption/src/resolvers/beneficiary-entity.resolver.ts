import { Arg, Authorized, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { assertMayReadEntity } from '@nuage/shared';
import type { ConsumptionLoaders } from '../loaders';
import { figuresOf } from './consumption.resolver';
import { ConsumptionFigures } from './consumption.types';
import { callerOf, DomainError, ErrorCode, UserError, type SubgraphContext } from '@nuage/shared';
import { BeneficiaryEntityConsumption } from '../entities';
import { setThresholds, thresholdsOf } from '../services/alert-thresholds';

@ObjectType({ description: 'Result of setting consumption alert thresholds.' })
class SetAlertThresholdsPayload {
  @Field(() => [Int], { nullable: true, description: 'The thresholds now in force, ascending; null when refused.' })
  thresholds!: number[] | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  errors!: UserError[];
}

@ObjectType({ description: 'Consumption of one project of the entity.' })
class ProjectConsumption {
  @Field(() => String, { description: 'The project.' })
  projectName!: string;

  @Field(() => ConsumptionFigures, { description: 'Its consumption against its commitments.' })
  figures!: ConsumptionFigures;
}

@Resolver(() => BeneficiaryEntityConsumption)
export class BeneficiaryEntityConsumptionResolver {
  @FieldResolver(() => ConsumptionFigures, { nullable: true, description: "The entity's consumption against all its commitments." })
  async consumption(@Root() entity: BeneficiaryEntityConsumption, @Ctx() context: SubgraphContext<ConsumptionLoaders>) {
    assertMayReadEntity(callerOf(context), entity.id);
    return figuresOf(context, await context.loaders.commitmentsByEntity.load(entity.id));
  }

  @FieldResolver(() => [ProjectConsumption], { description: "The entity's consumption project by project." })
  async consumptionByProject(@Root() entity: BeneficiaryEntityConsumption, @Ctx() context: SubgraphContext<ConsumptionLoaders>) {
    assertMayReadEntity(callerOf(context), entity.id);
    const commitments = await context.loaders.commitmentsByEntity.load(entity.id);
    const projects = [...new Set(commitments.map((c) => c.projectName ?? '—'))].sort();
    const rows = await Promise.all(projects.map(async (projectName) => ({ projectName, figures: await figuresOf(context, commitments.filter((c) => (c.projectName ?? '—') === projectName)) })));
    return rows.filter((r) => r.figures !== null);
  }

  @FieldResolver(() => [Int], {
    description: "Percentages of a commitment at which the entity's buyers are alerted (80 and 100 by default).",
  })
  consumptionAlertThresholds(@Root() entity: BeneficiaryEntityConsumption, @Ctx() context: SubgraphContext) {
    return thresholdsOf(context.em, callerOf(context), entity.id);
  }

  @Authorized()
  @Mutation(() => SetAlertThresholdsPayload, { description: "Sets the consumption alert thresholds of the caller's entity." })
  async setConsumptionAlertThresholds(
    @Arg('thresholds', () => [Int], { description: 'Percentages of the commitment, 1 to 200, e.g. [80, 100].' }) thresholds: number[],
    @Ctx() context: SubgraphContext,
  ): Promise<SetAlertThresholdsPayload> {
    try {
      return { thresholds: await setThresholds(context.em, callerOf(context), thresholds), errors: [] };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) return { thresholds: null, errors: [UserError.from(error)] };
      throw error;
    }
  }
}
