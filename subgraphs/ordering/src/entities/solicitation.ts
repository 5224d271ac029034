import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import type { BuyerParty } from '@nuage/contracts';

/**
 * That a brand may answer a request with proposals: learnt from the requests subgraph's
 * "request submitted" event (never from its tables), closed when the request is cancelled.
 */
@ObjectType({ description: 'A request a brand is asked to answer with a proposal.' })
@Entity({ tableName: 'solicitation' })
@Unique({ properties: ['requestId', 'brandId'] })
@Index({ properties: ['brandId', 'submittedAt'] })
export class Solicitation extends BaseEntity<'renewedOrderLineIds' | 'buyer' | 'declinedAt' | 'declineReason'> {
  @Field(() => ID, { description: 'The request (resolved by the requests subgraph).' })
  @Property({ type: 'uuid' })
  requestId!: string;

  @Field(() => ID, { description: 'The solicited brand.' })
  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => [ID], { description: 'The solutions of the brand the buyer selected (empty: the brand as a whole).' })
  @Property({ type: 'text[]' })
  solutionIds: string[] = [];

  @Index()
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, { description: 'File number of the request, e.g. "168091-36".' })
  @Property({ type: 'string' })
  fileNumber!: string;

  @Property({ type: 'string', nullable: true })
  entitySiret: string | null = null;

  /** The buying entity as it stood at submission, for the documents of the order. */
  @Property({ type: 'json', nullable: true })
  buyer: BuyerParty | null = null;

  /** For a renewal, the order lines it renews. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  renewedOrderLineIds: string[] = [];

  @Field(() => String, { description: 'The project, as the buyer named it.' })
  @Property({ type: 'string' })
  projectName!: string;

  @Field(() => Date, { description: 'When the request was submitted.' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the brand declined to answer; null unless it did.' })
  @Property({ type: 'datetime', nullable: true })
  declinedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why the brand declined to answer.' })
  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When it stopped awaiting the brand's answer (the brand declined; the request was ordered or cancelled; the brand's proposal was refused or closed); null while open.",
  })
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}
