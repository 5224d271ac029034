import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity, JSONObject } from '@nuage/platform';

/**
 * One change the market holder made to the catalogue (a certification, an offer, an option…):
 * dated and kept, never edited, so that what the catalogue said on any day can be explained.
 */
@ObjectType({ description: 'A dated change of the catalogue by the market holder (append-only history).' })
@Entity({ tableName: 'catalogue_change' })
@Index({ properties: ['subjectId', 'createdAt'] })
@Index({ properties: ['createdAt'] })
export class CatalogueChange extends BaseEntity {
  @Field(() => String, {
    description: 'What kind of thing changed: BRAND, SOLUTION, CERTIFICATION, PRODUCT or QUESTION_OPTION.',
  })
  @Property({ type: 'string' })
  subjectType!: string;

  @Field(() => ID, { description: 'Id of the thing that changed.' })
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => String, { description: 'What was done, e.g. "certification.added", "option.retired".' })
  @Property({ type: 'string' })
  action!: string;

  @Field(() => ID, { description: 'Who made the change (person id).' })
  @Property({ type: 'string' })
  authorId!: string;

  @Field(() => String, { description: 'Name of who made the change.' })
  @Property({ type: 'string' })
  authorName!: string;

  @Field(() => JSONObject, { nullable: true, description: 'The changed values before; null for an addition.' })
  @Property({ type: 'json', nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObject, { nullable: true, description: 'The changed values after.' })
  @Property({ type: 'json', nullable: true })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Why, as the market holder wrote it.' })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;
}
