import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Caller, type Identity, MutationPayload, succeeded } from '@nuage/platform';
import type { Context } from '../loaders.js';
import { importUsage, recordUsage, type UsageOutcome } from '../services/usage.js';
import { UsageLineInput, usageInput } from './usage.inputs.js';

@ObjectType({ description: 'A usage line refused, with why.' })
class RejectedUsageLine {
  @Field(() => Int, { description: 'Its position in the batch (0 first).' })
  index!: number;

  @Field(() => String, { description: 'Your id of the line.' })
  lineId!: string;

  @Field(() => String, { description: 'The field at fault.' })
  field!: string;

  @Field(() => String, { description: "Why, in the caller's language." })
  reason!: string;
}

@ObjectType({ description: 'What became of a batch of usage lines.' })
class UsageReport {
  @Field(() => Int, { description: 'Lines recorded.' })
  accepted!: number;

  @Field(() => Int, { description: 'Lines already recorded before (same id): nothing added.' })
  duplicates!: number;

  @Field(() => [RejectedUsageLine], { description: 'Lines refused, each with the reason; the others were recorded.' })
  rejected!: RejectedUsageLine[];

  @Field(() => Int, { description: 'Alerts this batch raised.' })
  alertsRaised!: number;
}

const UsagePayload = MutationPayload(UsageReport, 'UsagePayload', 'report', 'batch of usage lines');

const reportOf = (outcome: UsageOutcome, { locale }: Context): UsageReport => ({
  accepted: outcome.accepted,
  duplicates: outcome.duplicates,
  rejected: outcome.rejected.map((rejection) => ({ ...rejection, reason: rejection.reason[locale] })),
  alertsRaised: outcome.alertsRaised,
});

@Resolver()
export class UsageResolver {
  @Mutation(() => UsagePayload, {
    description:
      'Pushes usage lines of your order lines (up to 10,000 per call); safe to retry: lines already recorded are skipped.',
  })
  async pushUsage(
    @Arg('lines', () => [UsageLineInput], { description: 'The lines.' }) lines: UsageLineInput[],
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return succeeded(reportOf(await recordUsage(context.em, caller, lines.map(usageInput)), context));
  }

  @Mutation(() => UsagePayload, {
    description: 'Imports a FOCUS CSV export (FOCUS column names, plus x_LineId and x_OrderLineId).',
  })
  async importUsageCsv(
    @Arg('csv', () => String, { description: 'The CSV text, header first.' }) csv: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return succeeded(reportOf(await importUsage(context.em, caller, csv), context));
  }
}
