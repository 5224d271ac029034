import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { Brand } from './brand.js';

/** One offer of a brand (e.g. "OVH Private Cloud SecNumCloud"). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A solution (offer) of a brand.' })
@Entity({ tableName: 'solution' })
@Unique({ properties: ['brand', 'name'] })
export class Solution extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Brand })
  brand!: Brand;

  @Field(() => String, { description: 'Name of the solution.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'What the solution is.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => [String], { description: 'Service categories the solution covers (codes, e.g. "VM_STANDARD").' })
  @Property({ type: 'text[]' })
  serviceCategories: string[] = [];

  @Field(() => Date, {
    nullable: true,
    description: 'When the market holder withdrew it from the market; null while offered.',
  })
  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}
