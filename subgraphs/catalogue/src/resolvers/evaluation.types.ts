import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate, LocalizedText } from '@nuage/platform';
import { Requirement } from '../services/evaluation.js';

registerEnumType(Requirement, {
  name: 'Requirement',
  description: 'How much a ticked option counts.',
  valuesConfig: {
    REQUIRED: { description: 'Exigé / required: pairs that do not meet it are excluded.' },
    DESIRED: { description: 'Souhaité / desired: pairs that meet it rank first.' },
  },
});

@InputType({ description: 'One ticked option of one question.' })
export class AnswerInput {
  @Field(() => String, { description: 'Code of the question, e.g. "CERTIFICATIONS".' })
  question!: string;

  @Field(() => String, { description: 'Code of the option within the question, e.g. "SECNUMCLOUD".' })
  option!: string;

  @Field(() => Requirement, {
    defaultValue: Requirement.REQUIRED,
    description: 'Required (filters) or desired (ranks).',
  })
  requirement!: Requirement;

  @Field(() => [ID], {
    nullable: true,
    description: 'With the exposure option ALL_EXCEPT only: the brands ticked as not acceptable.',
  })
  exceptBrandIds?: string[];
}

@InputType({ description: "A buyer's answers to the guided-choice questionnaire." })
export class GuidedChoiceInput {
  @Field(() => [AnswerInput], { description: 'Every ticked option; mandatory questions need one at least.' })
  answers!: AnswerInput[];

  @Field(() => LocalDate, { nullable: true, description: 'The day the catalogue is read as of (today by default).' })
  asOf?: string;
}

@InputType({ description: 'A guided choice to evaluate and keep for a project.' })
export class RecordGuidedChoiceInput extends GuidedChoiceInput {
  @Field(() => String, { description: 'The project it is made for ("Nom du projet").' })
  projectName!: string;

  @Field(() => ID, { nullable: true, description: 'The market (Nuage Public by default).' })
  marketId?: string;
}

@ObjectType({ description: 'A brand excluded by the buyer (exposure option ALL_EXCEPT).' })
export class ExcludedBrand {
  @Field(() => ID, { description: 'Id of the brand.' })
  id!: string;

  @Field(() => String, { description: 'Name of the brand when the answer was given.' })
  name!: string;
}

@ObjectType({ description: 'One answer as evaluated, with the labels it had then.' })
export class GuidedChoiceAnswer {
  @Field(() => String, { description: 'Code of the question.' })
  question!: string;

  @Field(() => LocalizedText, { description: 'The question, in French and English.' })
  questionLabel!: LocalizedText;

  @Field(() => String, { description: 'Code of the option ticked.' })
  option!: string;

  @Field(() => LocalizedText, { description: 'The option, in French and English.' })
  optionLabel!: LocalizedText;

  @Field(() => Requirement, { description: 'Required or desired.' })
  requirement!: Requirement;

  @Field(() => [ExcludedBrand], {
    description: 'Brands the buyer excluded (exposure option ALL_EXCEPT); empty otherwise.',
  })
  exceptBrands!: ExcludedBrand[];
}

@ObjectType({ description: 'How a brand/solution pair fares on one ticked option, and why.' })
export class CriterionCheck {
  @Field(() => String, { description: 'Code of the question.' })
  question!: string;

  @Field(() => String, { description: 'Code of the option.' })
  option!: string;

  @Field(() => Requirement, { description: 'Whether the option was required or desired.' })
  requirement!: Requirement;

  @Field(() => Boolean, { description: 'Whether the pair meets it.' })
  met!: boolean;

  @Field(() => LocalizedText, {
    description: 'Why, in French and English, e.g. "SecNumCloud held since 1 December 2023".',
  })
  explanation!: LocalizedText;
}

@ObjectType({ description: 'A brand/solution pair that meets every required option.' })
export class GuidedChoiceMatch {
  @Field(() => ID, { description: 'Id of the brand (the `brand` field gives it as it is now).' })
  brandId!: string;

  @Field(() => String, { description: 'Name of the brand when evaluated.' })
  brandName!: string;

  @Field(() => ID, { description: 'Id of the solution.' })
  solutionId!: string;

  @Field(() => String, { description: 'Name of the solution when evaluated.' })
  solutionName!: string;

  @Field(() => Int, { description: 'Rank: 1 for the best; pairs meeting as many desired options share a rank.' })
  rank!: number;

  @Field(() => Int, { description: 'How many desired options it meets.' })
  desiredMet!: number;

  @Field(() => Int, { description: 'How many options were desired.' })
  desiredCount!: number;

  @Field(() => [CriterionCheck], { description: 'Why it matched: each ticked option, in questionnaire order.' })
  checks!: CriterionCheck[];
}

@ObjectType({ description: 'A brand/solution pair that fails a required option.' })
export class GuidedChoiceExclusion {
  @Field(() => ID, { description: 'Id of the brand.' })
  brandId!: string;

  @Field(() => String, { description: 'Name of the brand when evaluated.' })
  brandName!: string;

  @Field(() => ID, { description: 'Id of the solution.' })
  solutionId!: string;

  @Field(() => String, { description: 'Name of the solution when evaluated.' })
  solutionName!: string;

  @Field(() => CriterionCheck, { description: 'The first required option it fails, in questionnaire order.' })
  reason!: CriterionCheck;
}

@ObjectType({
  description: 'The outcome of the guided-choice questionnaire: matching pairs, ranked, and the excluded ones.',
})
export class GuidedChoiceEvaluation {
  @Field(() => LocalDate, { description: 'The day the catalogue was read as of.' })
  asOf!: string;

  @Field(() => [GuidedChoiceAnswer], { description: 'The answers, in questionnaire order.' })
  answers!: GuidedChoiceAnswer[];

  @Field(() => Int, { description: 'How many pairs match ("N résultat(s) répondant aux critères").' })
  matchCount!: number;

  @Field(() => Int, { description: 'How many pairs are excluded.' })
  excludedCount!: number;
}
