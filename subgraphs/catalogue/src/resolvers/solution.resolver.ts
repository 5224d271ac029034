import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Connection,
  NESTED_LIST_CAP,
  LocalDate,
  MutationPayload,
  PageArgs,
  succeeded,
  todayInParis,
  Caller,
  type Identity,
} from '@nuage/platform';
import { Brand, Certification, Product, Solution } from '../entities/index.js';
import { addCertification, addSolution, updateCertification, updateSolution } from '../services/catalogue-changes.js';
import { findSolutions } from '../services/brands.js';
import type { Context } from '../loaders.js';

const SolutionPayload = MutationPayload(Solution, 'SolutionPayload', 'solution', 'solution');
const CertificationPayload = MutationPayload(Certification, 'CertificationPayload', 'certification', 'certification');

const heldOn = (certification: Certification, day: string) =>
  (certification.validFrom === null || certification.validFrom <= day) &&
  (certification.validTo === null || certification.validTo >= day);

const SolutionConnection = Connection(Solution, 'Solution', 'solution');

@InputType({ description: 'Narrows the list of solutions; every criterion given must hold.' })
class SolutionFilter {
  @Field(() => ID, { nullable: true, description: "Only this brand's solutions." })
  brandId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the name or description of the solution or in its brand name (2 characters at least).',
  })
  text?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A certification code the solution holds on `asOf`, e.g. "SECNUMCLOUD".',
  })
  certification?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A service category code the solution covers, or its brand provides brand-wide.',
  })
  serviceCategory?: string;

  @Field(() => Boolean, { nullable: true, description: "The brand's exposure to extra-European legislation." })
  extraEuLegislation?: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'The day certifications are checked on (today by default).' })
  asOf?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include solutions withdrawn from the market.' })
  includeRetired?: boolean;
}

@InputType({ description: 'A new solution (offer) of a brand.' })
class AddSolutionInput {
  @Field(() => ID, { description: 'The brand that offers it.' })
  brandId!: string;

  @Field(() => String, { description: 'Name of the solution.' })
  name!: string;

  @Field(() => String, { description: 'What it is.' })
  description!: string;

  @Field(() => [String], { description: 'Service category codes it covers, e.g. ["VM_STANDARD"].' })
  serviceCategories!: string[];

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@InputType({ description: 'Changes to a solution; only the fields given change.' })
class UpdateSolutionInput {
  @Field(() => ID, { description: 'The solution.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string;

  @Field(() => [String], { nullable: true, description: 'New service category codes.' })
  serviceCategories?: string[];

  @Field(() => Boolean, { nullable: true, description: 'true withdraws it from the market; false offers it again.' })
  retired?: boolean;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@InputType({ description: 'A certification granted to a solution.' })
class AddCertificationInput {
  @Field(() => ID, { description: 'The solution that holds it.' })
  solutionId!: string;

  @Field(() => String, { description: 'Code, e.g. "SECNUMCLOUD".' })
  code!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day of validity; null when held from before the market opened.',
  })
  validFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of validity; null while valid.' })
  validTo?: string;

  @Field(() => String, { nullable: true, description: 'How sure the dates are, and their source.' })
  note?: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@InputType({ description: "Changes to a certification's validity; only the fields given change." })
class UpdateCertificationInput {
  @Field(() => ID, { description: 'The certification.' })
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'New first day of validity.' })
  validFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'New last day of validity (e.g. a withdrawal).' })
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: 'New note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the catalogue history).' })
  reason?: string;
}

@Resolver(() => Solution)
export class SolutionResolver {
  @Query(() => SolutionConnection, { description: 'The solutions of the market, in name order.' })
  solutions(
    @Arg('filter', () => SolutionFilter, {
      nullable: true,
      description: 'Criteria that must all hold; everything when omitted.',
    })
    filter: SolutionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return findSolutions(em, { ...filter }, page);
  }

  @Query(() => Solution, { nullable: true, description: 'One solution by id.' })
  solution(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() { loaders }: Context,
    @Caller() _signedIn: Identity,
  ) {
    return loaders.solutionById.load(id);
  }

  @FieldResolver(() => Brand, { description: 'The brand that offers the solution.' })
  async brand(@Root() solution: Solution, @Ctx() { loaders }: Context) {
    return loaders.brandById.load(solution.brand.id);
  }

  @FieldResolver(() => [Certification], {
    description: 'Certifications the solution holds on `asOf` (today by default).',
  })
  async certifications(
    @Root() solution: Solution,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'The day (today by default).' }) asOf:
      | string
      | undefined,
    @Ctx() { loaders }: Context,
  ) {
    const day = asOf ?? todayInParis();
    return (await loaders.certificationsBySolution.load(solution.id)).filter((c) => heldOn(c, day));
  }

  @FieldResolver(() => [Product], {
    description: `Its product references on the price list, in reference order: the first ${NESTED_LIST_CAP}; \`products(filter: { solutionId })\` pages through all.`,
  })
  async products(@Root() solution: Solution, @Ctx() { loaders }: Context) {
    return (await loaders.productsBySolution.load(solution.id))
      .filter((p) => p.retiredAt === null)
      .slice(0, NESTED_LIST_CAP);
  }

  @Mutation(() => SolutionPayload, { description: 'Adds a solution to a brand (market holder).' })
  addSolution(
    @Arg('input', () => AddSolutionInput, { description: 'What to do; see the input type.' }) input: AddSolutionInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { brandId, reason, ...values } = input;
    return addSolution(context.em, caller, brandId, values, reason).then(succeeded);
  }

  @Mutation(() => SolutionPayload, { description: 'Changes or withdraws a solution (market holder).' })
  updateSolution(
    @Arg('input', () => UpdateSolutionInput, { description: 'What to do; see the input type.' })
    input: UpdateSolutionInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { id, reason, ...values } = input;
    return updateSolution(context.em, caller, id, values, reason).then(succeeded);
  }

  @Mutation(() => CertificationPayload, {
    description: 'Records a certification of a solution with its validity (market holder).',
  })
  addCertification(
    @Arg('input', () => AddCertificationInput, { description: 'What to do; see the input type.' })
    input: AddCertificationInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { solutionId, reason, code, validFrom, validTo, note } = input;
    return addCertification(
      context.em,
      caller,
      solutionId,
      { code, validFrom: validFrom ?? null, validTo: validTo ?? null, note: note ?? null },
      reason,
    ).then(succeeded);
  }

  @Mutation(() => CertificationPayload, {
    description: "Changes a certification's validity, e.g. ends it on a withdrawal (market holder).",
  })
  updateCertification(
    @Arg('input', () => UpdateCertificationInput, { description: 'What to do; see the input type.' })
    input: UpdateCertificationInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { id, reason, ...values } = input;
    return updateCertification(context.em, caller, id, values, reason).then(succeeded);
  }
}
