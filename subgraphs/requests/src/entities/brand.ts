import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A brand as this subgraph knows it: its key only; the catalogue subgraph resolves the rest. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Brand')
export class BrandReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): BrandReference {
    return Object.assign(new BrandReference(), { id });
  }
}
