import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalizedText, Money, MutationPayload } from '@nuage/platform';
import { BrandReference, Consultation, Proposal, Solicitation } from '../entities/index.js';
import { ComparisonNoteKind } from '../services/comparison.js';

registerEnumType(ComparisonNoteKind, {
  name: 'ComparisonNoteKind',
  description: 'Why a compared proposal differs from the need or from the others.',
  valuesConfig: {
    RENEWALS_NEEDED: { description: 'Renouvellements nécessaires / Shorter than the need: renewed at the same price' },
    BEYOND_NEED: { description: 'Couvre plus que le besoin / Its terms cover more months than the need' },
    ONE_OFF: { description: 'Achat ponctuel / Bought once for its term' },
    NO_COMMITMENT: { description: 'Sans engagement / No commitment: priced once for the whole need' },
    BILLING: { description: 'Facturation / How it is invoiced (when, not how much)' },
    MISSING_ITEM: { description: 'Manque au besoin / A line of the need it does not price' },
    EXTRA_LINE: { description: 'En plus du besoin / A line the need does not list' },
    EXPIRED: { description: 'Offre expirée / It can no longer be accepted as it stands' },
    DURATION_ASSUMED: { description: 'Durée supposée / The need states no duration' },
  },
});

@ObjectType({ description: 'Why a compared proposal differs, in both languages.' })
export class ComparisonNote {
  @Field(() => ComparisonNoteKind, { description: 'What kind of difference.' })
  kind!: ComparisonNoteKind;

  @Field(() => String, { description: "The difference in the caller's language." })
  label!: string;

  @Field(() => LocalizedText, { description: 'The difference in French and English.' })
  labels!: LocalizedText;
}

@ObjectType({ description: 'One proposal normalised over the need’s duration, with its rank.' })
export class ComparedProposal {
  @Field(() => Proposal, { description: 'The proposal.' })
  proposal!: Proposal;

  @Field(() => Int, { description: '1 for the cheapest over the duration; equal costs share a rank.' })
  rank!: number;

  @Field(() => Int, { description: 'Months one term covers (its commitment; the whole need without one).' })
  termMonths!: number;

  @Field(() => Int, { description: 'Terms bought to cover the duration (1 + renewals).' })
  terms!: number;

  @Field(() => Int, { description: 'Renewals needed to cover the duration.' })
  renewals!: number;

  @Field(() => Int, { description: 'Months the terms cover (may exceed the need).' })
  coveredMonths!: number;

  @Field(() => Money, { description: 'One term, excl. VAT.' })
  termExclVat!: Money;

  @Field(() => Money, { description: 'One term, incl. VAT.' })
  termInclVat!: Money;

  @Field(() => Money, { description: 'Total cost over the duration, excl. VAT.' })
  totalExclVat!: Money;

  @Field(() => Money, { description: 'Total cost over the duration, incl. VAT.' })
  totalInclVat!: Money;

  @Field(() => Money, {
    description: 'Monthly equivalent excl. VAT: the total over the duration ÷ its months, to the cent.',
  })
  monthlyExclVat!: Money;

  @Field(() => Money, { description: 'Monthly equivalent incl. VAT.' })
  monthlyInclVat!: Money;

  @Field(() => Money, { description: 'How much more than the cheapest over the duration, excl. VAT.' })
  aboveCheapestExclVat!: Money;

  @Field(() => [ComparisonNote], {
    description: 'Why it differs: renewals, coverage, billing, what it misses or adds.',
  })
  notes!: ComparisonNote[];
}

@ObjectType({ description: "A request's proposals compared like for like over the need's estimated duration." })
export class ProposalComparisonResult {
  @Field(() => Int, { description: 'Months compared over: the need’s estimated duration.' })
  durationMonths!: number;

  @Field(() => Boolean, {
    description: 'Whether the need states no duration (then: the longest term, 12 months at least).',
  })
  durationAssumed!: boolean;

  @Field(() => Int, { description: 'Proposals still sealed, left out until they open.' })
  sealedCount!: number;

  @Field(() => [ComparedProposal], { description: 'Cheapest first.' })
  proposals!: ComparedProposal[];
}

@ObjectType({ description: 'A proposal received on a request: who and when, never what (sealed or not).' })
export class ProposalReceipt {
  @Field(() => BrandReference, { description: 'The brand that proposed (resolved by the catalogue).' })
  brand!: BrandReference;

  @Field(() => Date, { description: 'When it was submitted.' })
  submittedAt!: Date;
}

@ObjectType({ description: 'A solicited brand that declined to answer, with why.' })
export class SolicitationDecline {
  @Field(() => BrandReference, { description: 'The brand that declined (resolved by the catalogue).' })
  brand!: BrandReference;

  @Field(() => String, { description: 'Why.' })
  reason!: string;

  @Field(() => Date, { description: 'When.' })
  declinedAt!: Date;
}

export const ConsultationPayload = MutationPayload(Consultation, 'ConsultationPayload', 'consultation', 'consultation');
export const SolicitationPayload = MutationPayload(Solicitation, 'SolicitationPayload', 'solicitation', 'solicitation');
