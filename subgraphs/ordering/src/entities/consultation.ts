import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';

/** How the sealed proposals of a request were opened. */
export enum ProposalOpening {
  AT_DEADLINE = 'AT_DEADLINE',
  BY_BUYER = 'BY_BUYER',
}
registerEnumType(ProposalOpening, {
  name: 'ProposalOpening',
  description: 'How the sealed proposals of a request were opened.',
  valuesConfig: {
    AT_DEADLINE: { description: 'Ouvertes à la date limite / Opened when the response deadline passed' },
    BY_BUYER: {
      description:
        "Ouvertes par l'acheteur, toutes les marques ayant répondu / Opened by the buyer once every brand answered",
    },
  },
});

/** One move of a response deadline, as recorded. */
@ObjectType({ description: 'A move of the response deadline by the buyer, with why.' })
export class DeadlineExtension {
  @Field(() => Date, { description: 'The deadline before.' })
  from!: Date;

  @Field(() => Date, { description: 'The deadline after.' })
  to!: Date;

  @Field(() => String, { description: 'Why the buyer moved it.' })
  reason!: string;

  @Field(() => String, { description: 'Who moved it.' })
  byName!: string;

  @Field(() => Date, { description: 'When.' })
  at!: Date;
}

/** A line the need lists (renewal, complementary order), for the comparison of what proposals cover. */
export interface NeedItem {
  productCode: string | null;
  designation: string;
  quantity: string;
}

/**
 * How a request receives proposals ("consultation"): until its response deadline, sealed or not,
 * learnt from the request's submission and moved only by the buyer (each move recorded). Sealed,
 * the proposals are read by their own supplier only, until the deadline passes (or every
 * solicited brand answered or declined, and the buyer opens them): then all open together.
 */
@ObjectType({
  description:
    'How a request receives proposals: its response deadline, whether they are sealed until then, and who answered or declined.',
})
@Entity({ tableName: 'consultation' })
@Index({
  name: 'consultation_sealed_to_open',
  expression:
    'create index "consultation_sealed_to_open" on "consultation" ("response_deadline") where "sealed" and "opened_at" is null',
})
@Index({
  name: 'consultation_to_remind',
  expression:
    'create index "consultation_to_remind" on "consultation" ("response_deadline") where "reminded_at" is null',
})
export class Consultation extends BaseEntity<'extensions' | 'openedAt' | 'openedBy' | 'remindedAt' | 'needItems'> {
  @Property({ type: 'uuid', unique: true })
  requestId!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'string' })
  fileNumber!: string;

  @Field(() => Date, {
    description: 'Proposals are received until then ("date limite de réponse"); a later one is refused.',
  })
  @Property({ type: 'datetime' })
  responseDeadline!: Date;

  @Field(() => Boolean, {
    description:
      'Whether proposals are sealed until the deadline: the buyer, its managers and market staff see how many were received and from which brand, not what they say.',
  })
  @Property({ type: 'boolean' })
  sealed!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the sealed proposals were opened; null while sealed (or never sealed).',
  })
  @Property({ type: 'datetime', nullable: true })
  openedAt: Date | null = null;

  @Field(() => ProposalOpening, { nullable: true, description: 'How they were opened.' })
  @Enum({ items: () => ProposalOpening, nativeEnumName: 'proposal_opening', nullable: true })
  openedBy: ProposalOpening | null = null;

  @Field(() => Int, {
    nullable: true,
    description: "The need's estimated duration, in months (what proposals are compared over).",
  })
  @Property({ type: 'integer', nullable: true })
  durationMonths!: number | null;

  /** What a renewal or complementary request lists. */
  @Property({ type: 'json' })
  needItems: NeedItem[] = [];

  @Field(() => [DeadlineExtension], { description: 'Every move of the deadline, oldest first.' })
  @Property({ type: 'json' })
  extensions: DeadlineExtension[] = [];

  /** When the brands yet to answer were reminded that the deadline is near. */
  @Property({ type: 'datetime', nullable: true })
  remindedAt: Date | null = null;
}
