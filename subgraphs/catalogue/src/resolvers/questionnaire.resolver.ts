import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LabelFields, MutationPayload, succeeded, Caller, type Identity } from '@nuage/platform';
import { Question, QuestionOption } from '../entities/index.js';
import { addQuestionOption, retireQuestionOption } from '../services/catalogue-changes.js';
import type { Context } from '../loaders.js';

const QuestionOptionPayload = MutationPayload(
  QuestionOption,
  'QuestionOptionPayload',
  'option',
  'questionnaire option',
);

@InputType({ description: 'An option to add to a certification or service question.' })
class AddQuestionOptionInput {
  @Field(() => String, { description: 'Code of the question, e.g. "CERTIFICATIONS".' })
  question!: string;

  @Field(() => String, { description: 'Code of the new option, e.g. "ISO_9001".' })
  code!: string;

  @Field(() => String, { description: 'Label in French.' })
  labelFr!: string;

  @Field(() => String, { description: 'Label in English.' })
  labelEn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The certification or service category code it tests (its code by default).',
  })
  criterion?: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@InputType({ description: 'An option to withdraw from the questionnaire.' })
class RetireQuestionOptionInput {
  @Field(() => String, { description: 'Code of the question.' })
  question!: string;

  @Field(() => String, { description: 'Code of the option.' })
  option!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@Resolver(() => Question)
export class QuestionResolver {
  @Query(() => [Question], { description: 'The guided-choice questionnaire, in order.' })
  questionnaire(@Ctx() { em }: Context, @Caller() _signedIn: Identity) {
    return em.find(Question, {}, { orderBy: { position: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [QuestionOption], { description: 'Its options in order; retired ones only when asked.' })
  async options(
    @Root() question: Question,
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'Include retired options.' })
    includeRetired: boolean,
    @Ctx() { loaders }: Context,
  ) {
    const options = await loaders.optionsByQuestion.load(question.id);
    return includeRetired ? options : options.filter((o) => o.retiredAt === null);
  }

  @Mutation(() => QuestionOptionPayload, {
    description: 'Adds an option to a question of the questionnaire, effective at once (market holder).',
  })
  addQuestionOption(
    @Arg('input', () => AddQuestionOptionInput, { description: 'What to do; see the input type.' })
    input: AddQuestionOptionInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { question, reason, ...values } = input;
    return addQuestionOption(context.em, caller, question, values, reason).then(succeeded);
  }

  @Mutation(() => QuestionOptionPayload, {
    description: 'Retires an option; evaluations already recorded keep it (market holder).',
  })
  retireQuestionOption(
    @Arg('input', () => RetireQuestionOptionInput, { description: 'What to do; see the input type.' })
    input: RetireQuestionOptionInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return retireQuestionOption(context.em, caller, input.question, input.option, input.reason).then(succeeded);
  }
}

export const QuestionLabels = LabelFields(Question, 'question');
export const QuestionOptionLabels = LabelFields(QuestionOption, 'option');
