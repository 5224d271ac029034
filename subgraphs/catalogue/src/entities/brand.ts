import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

/** A referenced cloud provider (one of the 15 brands of the market). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A cloud provider referenced on the market (a "marque").' })
@Entity({ tableName: 'brand' })
export class Brand extends BaseEntity {
  @Field(() => String, { description: 'Brand name as the market shows it, e.g. "OVHCLOUD".' })
  @Property({ type: 'string', unique: true })
  name!: string;

  @Field(() => String, { description: 'URL-safe name, e.g. "ovhcloud".' })
  @Property({ type: 'string', unique: true })
  slug!: string;

  @Field(() => String, { description: 'One line that presents the brand.' })
  @Property({ type: 'string' })
  tagline!: string;

  @Field(() => String, { description: 'What the brand offers on the market.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { description: 'ISO 3166 country of the legal entity that contracts, e.g. "FR".' })
  @Index()
  @Property({ type: 'string', length: 2 })
  legalCountry!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the provider is subject to extra-European legislation (e.g. US CLOUD Act); null when unknown.',
  })
  @Index()
  @Property({ type: 'boolean', nullable: true })
  extraEuLegislation!: boolean | null;

  @Field(() => [String], { description: 'Service categories the brand provides across its solutions (codes).' })
  @Property({ type: 'text[]' })
  services: string[] = [];

  @Field(() => String, {
    nullable: true,
    description: 'The company that contracts for the brand, as documents name it, e.g. "OVH SAS".',
  })
  @Property({ type: 'string', nullable: true })
  legalName: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Its registration: SIRET or SIREN in France, the foreign register otherwise; null until known.',
  })
  @Property({ type: 'string', nullable: true })
  registration: string | null = null;

  @Field(() => String, { nullable: true, description: 'Its registered address; null until known.' })
  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Field(() => [String], { description: 'Public sources of these facts.' })
  @Property({ type: 'text[]' })
  sources: string[] = [];
}
