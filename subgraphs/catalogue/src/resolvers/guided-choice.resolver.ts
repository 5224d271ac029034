import { Arg, Directive, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Connection,
  connectionFromArray,
  MutationPayload,
  PageArgs,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import { Brand, GuidedChoice, Market, Solution } from '../entities/index.js';
import {
  evaluateAnswers,
  findGuidedChoice,
  listGuidedChoices,
  recordGuidedChoice,
  resultSeenBy,
} from '../services/guided-choice.js';
import type { EvaluationResult } from '../services/evaluation.js';
import { paacFileName, reportPath } from '../services/report-print.js';
import type { Context } from '../loaders.js';
import {
  GuidedChoiceEvaluation,
  GuidedChoiceExclusion,
  GuidedChoiceInput,
  GuidedChoiceMatch,
  RecordGuidedChoiceInput,
} from './evaluation.types.js';

const MatchConnection = Connection(GuidedChoiceMatch, 'GuidedChoiceMatch', 'matching brand/solution pair');
const ExclusionConnection = Connection(GuidedChoiceExclusion, 'GuidedChoiceExclusion', 'excluded brand/solution pair');
const GuidedChoiceConnection = Connection(GuidedChoice, 'GuidedChoice', 'recorded guided choice');
const RecordGuidedChoicePayload = MutationPayload(
  GuidedChoice,
  'RecordGuidedChoicePayload',
  'guidedChoice',
  'recorded guided choice',
);

@Resolver(() => GuidedChoiceEvaluation)
export class GuidedChoiceEvaluationResolver {
  // What one evaluation costs over the seeded catalogue, in cost points (one list item each):
  // 77 measured by `npm run bench -- costs` (2026-12-01; about 1,550 over 10,000 solutions).
  @Directive('@cost(weight: 80)')
  @Query(() => GuidedChoiceEvaluation, {
    description:
      'Evaluates answers to the guided-choice questionnaire without keeping them: matching pairs ranked by desired options met, and the excluded ones with their first failing reason.',
  })
  evaluateGuidedChoice(
    @Arg('input', () => GuidedChoiceInput, { description: 'What to do; see the input type.' }) input: GuidedChoiceInput,
    @Ctx() { em }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return evaluateAnswers(em, input.answers, input.asOf);
  }

  @FieldResolver(() => Int, { description: 'How many pairs match.' })
  matchCount(@Root() evaluation: EvaluationResult) {
    return evaluation.matches.length;
  }

  @FieldResolver(() => Int, { description: 'How many pairs are excluded.' })
  excludedCount(@Root() evaluation: EvaluationResult) {
    return evaluation.exclusions.length;
  }

  @FieldResolver(() => MatchConnection, {
    description: 'The matching pairs, best first (then by brand and solution name).',
  })
  matches(@Root() evaluation: EvaluationResult, @Args(() => PageArgs) page: PageArgs) {
    return connectionFromArray(evaluation.matches, page);
  }

  @FieldResolver(() => ExclusionConnection, {
    description: 'The excluded pairs, by brand and solution name, each with the first reason it failed.',
  })
  exclusions(@Root() evaluation: EvaluationResult, @Args(() => PageArgs) page: PageArgs) {
    return connectionFromArray(evaluation.exclusions, page);
  }
}

/** The live brand and solution of a pair, batched across every pair of a page. */
function PairFields(type: typeof GuidedChoiceMatch | typeof GuidedChoiceExclusion) {
  @Resolver(() => type)
  class PairFieldsResolver {
    @FieldResolver(() => Brand, { nullable: true, description: 'The brand as it is now.' })
    brand(@Root() pair: { brandId: string }, @Ctx() { loaders }: Context) {
      return loaders.brandById.load(pair.brandId);
    }

    @FieldResolver(() => Solution, { nullable: true, description: 'The solution as it is now.' })
    solution(@Root() pair: { solutionId: string }, @Ctx() { loaders }: Context) {
      return loaders.solutionById.load(pair.solutionId);
    }
  }
  return PairFieldsResolver;
}
export const GuidedChoiceMatchFields = PairFields(GuidedChoiceMatch);
export const GuidedChoiceExclusionFields = PairFields(GuidedChoiceExclusion);

@Resolver(() => GuidedChoice)
export class GuidedChoiceResolver {
  @Mutation(() => RecordGuidedChoicePayload, {
    description:
      "Evaluates the buyer's answers and keeps them with the results for a project, so a request can attach them and the PAAC report can be printed.",
  })
  recordGuidedChoice(
    @Arg('input', () => RecordGuidedChoiceInput, { description: 'What to do; see the input type.' })
    input: RecordGuidedChoiceInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return recordGuidedChoice(context.em, caller, input).then(succeeded);
  }

  @Query(() => GuidedChoice, {
    nullable: true,
    description:
      'A recorded guided choice: its entity, market-wide staff and the suppliers it retained may read it (null with a NOT_FOUND error otherwise).',
  })
  guidedChoice(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return findGuidedChoice(context.em, caller, id);
  }

  @Query(() => GuidedChoiceConnection, {
    description: 'The recorded guided choices the caller may read, latest first.',
  })
  guidedChoices(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    return listGuidedChoices(context.em, caller, page);
  }

  @FieldResolver(() => Market, { description: 'The market the evaluation was made on.' })
  market(@Root() choice: GuidedChoice, @Ctx() { loaders }: Context) {
    return loaders.marketById.load(choice.market.id);
  }

  @FieldResolver(() => GuidedChoiceEvaluation, {
    description: "The answers and results as they were evaluated (a supplier reads only its own brand's pairs).",
  })
  evaluation(@Root() choice: GuidedChoice, @Caller() caller: Identity) {
    return resultSeenBy(choice, caller);
  }

  @FieldResolver(() => String, {
    description: 'Path of the PAAC report PDF on the gateway; GET it with the same bearer token.',
  })
  reportUrl(@Root() choice: GuidedChoice) {
    return reportPath(choice.id);
  }

  @FieldResolver(() => String, { description: 'File name of the PAAC report, e.g. "PAAC-20241002150210939.pdf".' })
  reportFileName(@Root() choice: GuidedChoice) {
    return paacFileName(choice.createdAt);
  }
}
