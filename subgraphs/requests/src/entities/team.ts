import { Collection } from '@mikro-orm/core';
import { Entity, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { BeneficiaryEntity } from './beneficiary-entity.js';
import { Person } from './person.js';

/** A team of an entity ("Mon équipe", "Equipe du projet"): the people who follow its projects. */
@ObjectType({ description: 'A team of a beneficiary entity ("Equipe du projet").' })
@Entity({ tableName: 'team' })
@Unique({ properties: ['entity', 'name'] })
export class Team extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => BeneficiaryEntity })
  entity!: BeneficiaryEntity;

  @Field(() => String, { description: 'Name of the team.' })
  @Property({ type: 'string' })
  name!: string;

  @ManyToMany({ entity: () => Person, pivotTable: 'team_member' })
  members = new Collection<Person>(this);
}
