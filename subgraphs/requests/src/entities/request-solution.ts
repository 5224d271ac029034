import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { ServiceRequest } from './request.js';

/** A brand (and solution) a request solicits: from the guided choice's results, a derogation, or the current provider. */
@ObjectType({ description: 'A brand and solution the request asks proposals from.' })
@Entity({ tableName: 'request_solution' })
@Unique({ properties: ['request', 'solutionId'] })
export class RequestSolution extends BaseEntity<'position'> {
  @Index()
  @ManyToOne({ entity: () => ServiceRequest })
  request!: ServiceRequest;

  /** Rank in the buyer's list (0 first). */
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  @Field(() => ID, { description: 'The brand.' })
  @Index()
  @Property({ type: 'uuid' })
  brandId!: string;

  @Field(() => ID, { nullable: true, description: 'The solution; null when a renewal solicits the brand as a whole.' })
  @Property({ type: 'uuid', nullable: true })
  solutionId!: string | null;
}
