import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

/** A public body that buys on the market ("Fiche bénéficiaire"). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A public entity that buys on the market (the beneficiary).' })
@Entity({ tableName: 'beneficiary_entity' })
export class BeneficiaryEntity extends BaseEntity<'purchasingReferences'> {
  @Field(() => String, { description: 'Name of the entity.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'SIRET (14 digits) of the establishment that buys.' })
  @Property({ type: 'string', length: 14, unique: true })
  siret!: string;

  @Field(() => String, { description: 'Postal address.' })
  @Property({ type: 'text' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'Chorus Pro service code invoices are addressed to.' })
  @Property({ type: 'string', nullable: true })
  chorusServiceCode: string | null = null;

  @Field(() => [String], {
    description: 'Other purchasing references the entity quotes on its orders (budget line, market number…).',
  })
  @Property({ type: 'text[]' })
  purchasingReferences: string[] = [];
}
