import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, LocalDate } from '@nuage/platform';
import { Solution } from './solution.js';

/**
 * A standard, certification or qualification held by a solution over a period. Dated so that a
 * question asked "as of" a day gets that day's answer (SecNumCloud is granted offer by offer).
 */
@ObjectType({ description: 'A certification held by a solution, with its validity period.' })
@Entity({ tableName: 'certification' })
export class Certification extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Solution })
  solution!: Solution;

  @Field(() => String, { description: 'Code, e.g. "SECNUMCLOUD", "HDS", "ISO_27001".' })
  @Index()
  @Property({ type: 'string' })
  code!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day of validity; null when held since before the market opened.',
  })
  @Property({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of validity; null while valid.' })
  @Property({ type: 'date', nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'How sure the dates are, and their source.' })
  @Property({ type: 'text', nullable: true })
  note!: string | null;
}
