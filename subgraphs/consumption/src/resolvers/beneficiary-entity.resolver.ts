import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { assertMayReadEntity, UserError, Caller, type Identity } from '@nuage/platform';
import type { Context } from '../loaders.js';
import { figuresFor } from './consumption.resolver.js';
import { ConsumptionFigures } from './consumption.types.js';
import { BeneficiaryEntityConsumption } from '../entities/index.js';
import { setThresholds, thresholdsOf } from '../services/alert-thresholds.js';

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
  @FieldResolver(() => ConsumptionFigures, {
    nullable: true,
    description: "The entity's consumption against all its commitments.",
  })
  async consumption(@Root() entity: BeneficiaryEntityConsumption, @Ctx() context: Context, @Caller() caller: Identity) {
    assertMayReadEntity(caller, entity.id);
    return figuresFor(context, caller, await context.loaders.commitmentsByEntity.load(entity.id));
  }

  @FieldResolver(() => [ProjectConsumption], {
    nullable: true,
    description:
      "The entity's consumption project by project (its own people and market-wide staff; null with FORBIDDEN for others).",
  })
  async consumptionByProject(
    @Root() entity: BeneficiaryEntityConsumption,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    assertMayReadEntity(caller, entity.id);
    const commitments = await context.loaders.commitmentsByEntity.load(entity.id);
    const projects = [...new Set(commitments.map((c) => c.projectName ?? '—'))].sort();
    const rows = await Promise.all(
      projects.map(async (projectName) => ({
        projectName,
        figures: await figuresFor(
          context,
          caller,
          commitments.filter((c) => (c.projectName ?? '—') === projectName),
        ),
      })),
    );
    return rows.filter((r) => r.figures !== null);
  }

  @FieldResolver(() => [Int], {
    nullable: true,
    description:
      "Percentages of a commitment at which the entity's buyers are alerted (80 and 100 by default); null with FORBIDDEN for those who may not read them.",
  })
  consumptionAlertThresholds(
    @Root() entity: BeneficiaryEntityConsumption,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return thresholdsOf(context.em, caller, entity.id);
  }

  @Mutation(() => SetAlertThresholdsPayload, {
    description: "Sets the consumption alert thresholds of the caller's entity.",
  })
  async setConsumptionAlertThresholds(
    @Arg('thresholds', () => [Int], { description: 'Percentages of the commitment, 1 to 200, e.g. [80, 100].' })
    thresholds: number[],
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ): Promise<SetAlertThresholdsPayload> {
    return { thresholds: await setThresholds(context.em, caller, thresholds), errors: [] };
  }
}
