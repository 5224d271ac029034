import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Keys of entities other subgraphs own, so an order can point to them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Brand')
export class BrandReference {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('BeneficiaryEntity')
export class BeneficiaryEntityReference {
  @Field(() => ID)
  id!: string;
}

export const reference = <T extends { id: string }>(type: new () => T, id: string): T => Object.assign(new type(), { id });
