import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, LocalDate } from '@nuage/platform';
import type Decimal from 'decimal.js';
import { RequestKind, RequestStatus } from '../entities/index.js';

@InputType({ description: 'A new project ("S\'agit-il d\'un nouveau projet ?": oui).' })
export class NewProjectInput {
  @Field(() => String, { description: 'Code name ("Nom du projet (code)").' })
  codeName!: string;

  @Field(() => String, { description: 'Short description.' })
  shortDescription!: string;

  @Field(() => ID, { nullable: true, description: 'The team that follows it ("Equipe du projet").' })
  teamId?: string;
}

@InputType({ description: 'The project a request is for: an existing one, or a new one.' })
export class ProjectChoiceInput {
  @Field(() => ID, { nullable: true, description: 'An existing project of the entity.' })
  id?: string;

  @Field(() => NewProjectInput, { nullable: true, description: 'Or a new project.' })
  new?: NewProjectInput;
}

@InputType({ description: 'A brand (and one of its solutions) the request solicits.' })
export class SolutionChoiceInput {
  @Field(() => ID, { description: 'The brand.' })
  brandId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The solution; may be left out for a renewal or complementary order.',
  })
  solutionId?: string;
}

@InputType({ description: 'A line of a renewal or complementary request ("Vos produits").' })
export class RequestItemInput {
  @Field(() => ID, { nullable: true, description: 'The order concerned.' })
  orderId?: string;

  @Field(() => ID, { nullable: true, description: 'The order line renewed.' })
  orderLineId?: string;

  @Field(() => ID, { nullable: true, description: 'A catalogue product ("Rechercher un produit").' })
  productId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a non-referenced product: what it is ("Ajouter un produit non référencé").',
  })
  designation?: string;

  @Field(() => DecimalScalar, { description: 'Quantity, e.g. "1.00".' })
  quantity!: Decimal;
}

@InputType({ description: 'The need ("Exprimez votre besoin en détail").' })
export class NeedInput {
  @Field(() => LocalDate, { nullable: true, description: 'Desired start of the technical need; not in the past.' })
  desiredStartDate?: string;

  @Field(() => Int, { nullable: true, description: 'Estimated duration in years (1 to 10).' })
  durationYears?: number;

  @Field(() => String, { nullable: true, description: 'The technical need, sent to every solicited provider.' })
  text?: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Uploaded files (POST /uploads/requests/documents) to attach to the need.',
  })
  attachmentIds?: string[];
}

@InputType({ description: 'What a draft says; only the fields given change.' })
export class RequestDraftChanges {
  @Field(() => String, { nullable: true, description: '"Ma référence".' })
  myReference?: string;

  @Field(() => ID, { nullable: true, description: 'The recorded guided choice it builds on (kind GUIDED_CHOICE).' })
  guidedChoiceId?: string;

  @Field(() => [SolutionChoiceInput], {
    nullable: true,
    description: 'The brands and solutions solicited (replaces the previous choice).',
  })
  solutions?: SolutionChoiceInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Why the buyer derogates (kind DEROGATION); signed by the caller.',
  })
  derogationReason?: string;

  @Field(() => [RequestItemInput], {
    nullable: true,
    description: 'Order lines and products (renewal, complementary; replaces the previous list).',
  })
  items?: RequestItemInput[];

  @Field(() => NeedInput, { nullable: true, description: 'The need.' })
  need?: NeedInput;
}

@InputType({ description: 'A new request, saved as a draft.' })
export class CreateRequestDraftInput extends RequestDraftChanges {
  @Field(() => RequestKind, { description: 'Guided choice, derogation, renewal or complementary order.' })
  kind!: RequestKind;

  @Field(() => ProjectChoiceInput, { description: 'The project it is for.' })
  project!: ProjectChoiceInput;
}

@InputType({ description: 'Narrows the list of requests ("Demandes de devis").' })
export class RequestFilter {
  @Field(() => [RequestStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: RequestStatus[];

  @Field(() => String, { nullable: true, description: 'Words of the file number or of the project name.' })
  keyword?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Created on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Created on or before this day.' })
  to?: string;

  @Field(() => RequestKind, { nullable: true, description: 'Only this kind.' })
  kind?: RequestKind;
}
