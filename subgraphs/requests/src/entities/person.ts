import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { BeneficiaryEntity } from './beneficiary-entity.js';

/** Someone with an account: an agent of a beneficiary entity, a supplier's staff, market holder, UGAP or analyst. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person with an account on the portal.' })
@Entity({ tableName: 'person' })
// Unique per scope, not market-wide: a manager inviting an address learns nothing of other entities' accounts.
@Index({
  name: 'person_scope_email_unique',
  expression: `create unique index "person_scope_email_unique" on "person" (coalesce("entity_id", "brand_id", '00000000-0000-0000-0000-000000000000'::uuid), "email")`,
})
export class Person extends BaseEntity {
  @Field(() => String, { description: 'First name.' })
  @Property({ type: 'string' })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  @Property({ type: 'string' })
  lastName!: string;

  @Field(() => String, {
    description:
      'Email address, the login of this account. Unique within the entity (or brand, or market-wide staff): someone who works for two entities has an account in each.',
  })
  @Property({ type: 'string' })
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

  @Field(() => Date, {
    nullable: true,
    description: 'When the account was deactivated (its tokens stop working); null while it may act.',
  })
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt: Date | null = null;

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
