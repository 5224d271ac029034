import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { BeneficiaryEntity } from './beneficiary-entity.js';
import { Team } from './team.js';

/** A buyer's project ("Informations sur le projet"): what its requests are for. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A project of a beneficiary entity: its requests, renewals and complementary orders.' })
@Entity({ tableName: 'project' })
@Unique({ properties: ['entity', 'codeName'] })
@Index({
  name: 'project_code_name_trgm',
  expression: 'create index "project_code_name_trgm" on "project" using gin ("code_name" gin_trgm_ops)',
})
export class Project extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => BeneficiaryEntity })
  entity!: BeneficiaryEntity;

  @ManyToOne({ entity: () => Team, nullable: true })
  team!: Team | null;

  @Field(() => String, { description: 'Code name ("Nom du projet (code)").' })
  @Property({ type: 'string' })
  codeName!: string;

  @Field(() => String, { description: 'Short description ("Description courte du projet").' })
  @Property({ type: 'text' })
  shortDescription!: string;

  @Field(() => String, { description: 'Who created it (person id).' })
  @Property({ type: 'string' })
  createdById!: string;
}
