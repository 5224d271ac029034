import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

/** A public procurement market run by UGAP (Nuage Public; Cloud Commercial C3). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A market of UGAP through which public bodies buy cloud services.' })
@Entity({ tableName: 'market' })
export class Market extends BaseEntity {
  @Field(() => String, { description: 'Short code, e.g. "NUAGE_PUBLIC".' })
  @Property({ type: 'string', unique: true })
  code!: string;

  @Field(() => String, { description: 'Name people read, e.g. "Nuage Public".' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { description: 'The market holder (titulaire), the single point of contact.' })
  @Property({ type: 'string' })
  holder!: string;

  @Field(() => String, { description: "The market's reference, as UGAP numbers it (printed on every document)." })
  @Property({ type: 'string' })
  reference!: string;

  @Field(() => String, { nullable: true, description: "The holder's registration (SIRET); null until known." })
  @Property({ type: 'string', nullable: true })
  holderRegistration: string | null = null;

  @Field(() => String, { nullable: true, description: "The holder's registered address; null until known." })
  @Property({ type: 'text', nullable: true })
  holderAddress: string | null = null;

  @Field(() => String, { description: 'The central purchasing body that buys through the market (UGAP).' })
  @Property({ type: 'string' })
  purchasingBody!: string;

  @Field(() => String, { nullable: true, description: "The purchasing body's registration (SIRET); null until known." })
  @Property({ type: 'string', nullable: true })
  purchasingBodyRegistration: string | null = null;

  @Field(() => String, { nullable: true, description: "The purchasing body's address." })
  @Property({ type: 'text', nullable: true })
  purchasingBodyAddress: string | null = null;
}
