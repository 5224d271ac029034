import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The requests subgraph's entity, to which this subgraph adds its consumption settings. */
@Directive('@key(fields: "id")')
@ObjectType('BeneficiaryEntity')
export class BeneficiaryEntityConsumption {
  @Field(() => ID)
  id!: string;

  static of(id: string): BeneficiaryEntityConsumption {
    return Object.assign(new BeneficiaryEntityConsumption(), { id });
  }
}
