import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

/** A kind of incident a buyer can declare. The list is data: the market holder can extend it. */
@ObjectType({ description: 'A kind of incident or dispute a buyer can declare on an order.' })
@Entity({ tableName: 'incident_type' })
export class IncidentType extends BaseEntity {
  @Field(() => String, { description: 'Stable code, e.g. "INCOMPLETE_ORDER".' })
  @Property({ type: 'string', unique: true })
  code!: string;

  @Property({ type: 'string' })
  labelFr!: string;

  @Property({ type: 'string' })
  labelEn!: string;

  @Field(() => Int, { description: 'Position in the list shown to buyers.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was withdrawn from new declarations; null while offered.',
  })
  @Property({ type: 'datetime', nullable: true })
  retiredAt!: Date | null;
}
