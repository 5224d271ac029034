import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { Question } from './question.js';

/** One option of a question; retired rather than deleted, so past evaluations keep their meaning. */
@ObjectType({ description: 'An option a buyer can tick on a question of the questionnaire.' })
@Entity({ tableName: 'question_option' })
@Unique({ properties: ['question', 'code'] })
export class QuestionOption extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Question })
  question!: Question;

  @Field(() => String, {
    description: 'Stable code within its question, e.g. "SECNUMCLOUD"; answers name the option by it.',
  })
  @Property({ type: 'string' })
  code!: string;

  @Property({ type: 'string' })
  labelFr!: string;

  @Property({ type: 'string' })
  labelEn!: string;

  @Field(() => String, {
    description:
      'What is tested: a certification code, a service category code, or for exposure NOT_SUBJECT, ANY or ANY_EXCEPT.',
  })
  @Property({ type: 'string' })
  criterion!: string;

  @Field(() => Int, { description: 'Position within its question.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Date, { nullable: true, description: 'When the market holder retired it; null while offered.' })
  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}
