import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

/** How the options of a question are tested against a brand/solution pair. */
export enum QuestionRule {
  EXPOSURE = 'EXPOSURE',
  CERTIFICATION = 'CERTIFICATION',
  SERVICE_CATEGORY = 'SERVICE_CATEGORY',
}
registerEnumType(QuestionRule, {
  name: 'QuestionRule',
  description: 'How the options of a question are tested against a brand and solution.',
  valuesConfig: {
    EXPOSURE: {
      description: "The brand's exposure to extra-European legislation (or the buyer's list of excluded brands).",
    },
    CERTIFICATION: { description: 'The solution holds the certification (option criterion) on the evaluation date.' },
    SERVICE_CATEGORY: { description: 'The solution, or its brand, provides the service category (option criterion).' },
  },
});

/** A question of the guided-choice questionnaire (PAAC). The questionnaire is data, not code. */
@ObjectType({ description: 'A question of the guided-choice questionnaire ("Parcours d\'aide au choix").' })
@Entity({ tableName: 'question' })
export class Question extends BaseEntity {
  @Field(() => String, { description: 'Stable code, e.g. "CERTIFICATIONS"; answers name the question by it.' })
  @Property({ type: 'string', unique: true })
  code!: string;

  @Property({ type: 'string' })
  labelFr!: string;

  @Property({ type: 'string' })
  labelEn!: string;

  @Field(() => Int, { description: 'Position in the questionnaire.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Boolean, { description: 'Whether the buyer must answer it ("obligatoire").' })
  @Property({ type: 'boolean' })
  mandatory!: boolean;

  @Field(() => Boolean, { description: 'Whether several options may be ticked; otherwise exactly one.' })
  @Property({ type: 'boolean' })
  multiple!: boolean;

  @Field(() => QuestionRule, { description: 'How its options are tested.' })
  @Enum({ items: () => QuestionRule, nativeEnumName: 'question_rule' })
  rule!: QuestionRule;
}
