import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity, Role } from '@nuage/shared';
import { BeneficiaryEntity } from './beneficiary-entity';

/** Someone with an account: an agent of a beneficiary entity, a supplier's staff, market holder, UGAP or analyst. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person with an account on the portal.' })
@Entity({ tableName: 'person' })
export class Person extends BaseEntity {
  @Field(() => String, { description: 'First name.' })
  @Property({ type: 'string' })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  @Property({ type: 'string' })
  lastName!: string;

  @Field(() => String, { description: 'Email address, also the login.' })
  @Property({ type: 'string', unique: true })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @Property({ type: 'string', nullable: true })
  phone!: string | null;

  @Field(() => Role, { description: 'What the person may do on the market.' })
  @Property({ type: 'string' })
  role!: Role;

  @Index()
  @ManyToOne({ entity: () => BeneficiaryEntity, nullable: true })
  entity!: BeneficiaryEntity | null;

  /** scrypt hash of the password, set when the invited person activates the account. */
  @Property({ type: 'string', nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the person activated the account; null while invited.' })
  @Property({ type: 'datetime', nullable: true })
  activatedAt: Date | null = null;

  /** SHA-256 of the activation token emailed to an invited person; cleared once used. */
  @Index()
  @Property({ type: 'string', nullable: true, hidden: true })
  activationTokenHash: string | null = null;

  @Property({ type: 'datetime', nullable: true, hidden: true })
  activationExpiresAt: Date | null = null;

  /** The brand a supplier acts for (owned by the catalogue subgraph: only its id is kept here). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  brandId!: string | null;
}
