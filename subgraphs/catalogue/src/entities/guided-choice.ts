import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { Market } from './market.js';
import type { BuyerParty } from '@nuage/contracts';
import type { EvaluationResult } from '../services/evaluation.js';

/**
 * A recorded guided-choice evaluation: the answers, the day they were evaluated for and the
 * results, kept as they were (labels included) so the request it is attached to and its PAAC
 * report say the same thing whatever the catalogue becomes.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A recorded guided-choice evaluation ("Parcours d\'aide au choix"), attachable to a request.',
})
@Entity({ tableName: 'guided_choice' })
@Index({ properties: ['entityId', 'createdAt'] })
export class GuidedChoice extends BaseEntity<'addressedBrandIds' | 'buyer'> {
  @Field(() => String, { description: 'The project it was made for, as the buyer named it.' })
  @Property({ type: 'string' })
  projectName!: string;

  @ManyToOne({ entity: () => Market })
  market!: Market;

  @Field(() => ID, { description: 'The beneficiary entity of the buyer who made it.' })
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The entity's name when it was recorded, as the buyer's identity gave it.",
  })
  @Property({ type: 'string', nullable: true })
  entityName!: string | null;

  /** The entity as its profile stood when a request built on it was submitted, for the report's parties. */
  @Property({ type: 'json', nullable: true })
  buyer: BuyerParty | null = null;

  @Field(() => ID, { description: 'Who made it (person id).' })
  @Property({ type: 'string' })
  authorId!: string;

  @Field(() => String, { description: 'Name of who made it.' })
  @Property({ type: 'string' })
  authorName!: string;

  @Field(() => LocalDate, { description: 'The day certifications were checked on.' })
  @Property({ type: 'date' })
  asOf!: string;

  /** Brands among the matches. */
  @Property({ type: 'text[]' })
  matchedBrandIds: string[] = [];

  /**
   * Brands a submitted request built on it solicits: the suppliers who may read it (not before a
   * request is addressed to them, and never one of a draft), learnt from the requests subgraph.
   */
  @Index({ type: 'gin' })
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  addressedBrandIds: string[] = [];

  /** The evaluation as computed (answers with their labels, matches, exclusions). */
  @Property({ type: 'json' })
  result!: EvaluationResult;
}
