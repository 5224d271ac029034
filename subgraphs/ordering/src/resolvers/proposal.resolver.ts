import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Connection,
  DEFAULT_LIST_LIMIT,
  DecimalScalar,
  LocalDate,
  LocalizedText,
  MutationPayload,
  PageArgs,
  pick,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import type Decimal from 'decimal.js';
import {
  BrandReference,
  Proposal,
  ProposalOrigin,
  PROPOSAL_STATUS_LABELS,
  ProposalDocument,
  ProposalLine,
  ProposalStatus,
  RequestReference,
  SubscriptionOrder,
} from '../entities/index.js';
import { BillingPeriod, BillingTiming } from '@nuage/contracts';
import {
  accept,
  decideAsManager,
  listProposals,
  refuse,
  reviseProposal,
  submitProposal,
  withdrawProposal,
  type ProposalTerms,
} from '../services/proposals.js';
import { ProposalAction } from '../services/proposal-lifecycle.js';
import { renewCredits } from '../services/credits.js';
import type { Context } from '../loaders.js';
import { lineAmounts, LineAmounts, quoteTotals, QuoteTotals } from './pricing.types.js';
import { proposalActionsOf, proposalsFor } from '../services/access.js';

const ProposalConnection = Connection(Proposal, 'Proposal', 'proposal');
const ProposalPayload = MutationPayload(Proposal, 'ProposalPayload', 'proposal', 'proposal');

@InputType({ description: 'A line of a proposal: a catalogue reference or a free line.' })
class ProposalLineInput {
  @Field(() => String, { nullable: true, description: 'Catalogue reference, e.g. "145893"; none for a free line.' })
  productCode?: string;

  @Field(() => String, { description: 'Designation.' })
  designation!: string;

  @Field(() => DecimalScalar, { description: 'Quantity.' })
  quantity!: Decimal;

  @Field(() => DecimalScalar, { description: 'Public unit price excl. VAT, e.g. "10000.00".' })
  listUnitPrice!: Decimal;

  @Field(() => DecimalScalar, { description: 'Unit price excl. VAT after the market discount, e.g. "9690.00".' })
  unitPrice!: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'VAT rate in percent (20 by default).' })
  vatRate?: Decimal;
}

@InputType({ description: 'What a proposal offers and on which terms.' })
class ProposalTermsInput {
  @Field(() => LocalDate, { description: 'Last day it can be accepted.' })
  validUntil!: string;

  @Field(() => Int, { nullable: true, description: 'Commitment in months.' })
  commitmentMonths?: number;

  @Field(() => BillingPeriod, { description: 'How often it is invoiced.' })
  billingPeriod!: BillingPeriod;

  @Field(() => BillingTiming, { description: 'In advance or in arrears.' })
  billingTiming!: BillingTiming;

  @Field(() => [ProposalLineInput], { description: 'Its lines.' })
  lines!: ProposalLineInput[];
}

@InputType({ description: 'Narrows the list of proposals ("Propositions").' })
class ProposalFilter {
  @Field(() => [ProposalStatus], { nullable: true, description: 'Only these statuses (e.g. AWAITING_MANAGER).' })
  statuses?: ProposalStatus[];

  @Field(() => ID, { nullable: true, description: 'Only those answering this request.' })
  requestId?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Submitted on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Submitted on or before this day.' })
  to?: string;
}

const terms = (input: ProposalTermsInput): ProposalTerms => ({
  ...input,
  lines: input.lines.map((l) => ({
    ...l,
    quantity: l.quantity.toFixed(),
    listUnitPrice: l.listUnitPrice.toFixed(),
    unitPrice: l.unitPrice.toFixed(),
    vatRate: l.vatRate?.toFixed(),
  })),
});

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => Proposal, {
    nullable: true,
    description: 'One proposal the caller may read (null with a NOT_FOUND error otherwise).',
  })
  proposal(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return proposalsFor(context.em, caller).get(id);
  }

  @Query(() => ProposalConnection, { description: '"Propositions": the proposals the caller may read, latest first.' })
  proposals(
    @Arg('filter', () => ProposalFilter, { nullable: true, description: 'Criteria that must all hold.' }) filter:
      | ProposalFilter
      | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listProposals(context.em, caller, { ...filter }, page);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Submits a proposal on a request that solicits your brand. Safe to retry with the same idempotency key.',
  })
  submitProposal(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Arg('input', () => ProposalTermsInput, { description: 'Lines and terms.' }) input: ProposalTermsInput,
    @Arg('idempotencyKey', () => String, {
      description: 'A key of yours (a UUID): a retry with it returns the first result.',
    })
    key: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return submitProposal(context.em, caller, requestId, terms(input), key).then(succeeded);
  }

  @Mutation(() => ProposalPayload, {
    description: 'Revises your proposal until it is accepted; it goes back to the manager.',
  })
  reviseProposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('input', () => ProposalTermsInput, { description: 'The new lines and terms.' }) input: ProposalTermsInput,
    @Arg('idempotencyKey', () => String, { description: 'A key of yours for this call.' }) key: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return reviseProposal(context.em, caller, id, terms(input), key).then(succeeded);
  }

  @Mutation(() => ProposalPayload, { description: 'Withdraws your proposal until it is accepted.' })
  withdrawProposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('idempotencyKey', () => String, { description: 'A key of yours for this call.' }) key: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return withdrawProposal(context.em, caller, id, key).then(succeeded);
  }

  @Mutation(() => ProposalPayload, {
    description: '"Demande d\'achat à valider": the entity\'s manager approves the purchase.',
  })
  approveProposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('comment', () => String, { nullable: true, description: 'A comment.' }) comment: string | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return decideAsManager(context.em, caller, id, true, comment).then(succeeded);
  }

  @Mutation(() => ProposalPayload, { description: "The entity's manager rejects the purchase, saying why." })
  rejectProposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('comment', () => String, { description: 'Why.' }) comment: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return decideAsManager(context.em, caller, id, false, comment).then(succeeded);
  }

  @Mutation(() => ProposalPayload, {
    description:
      'Accepts an approved proposal ("Confirmer ma souscription"): generates the subscription order and the order.',
  })
  acceptProposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('cgeAccepted', () => Boolean, {
      description: "I acknowledge UGAP's general conditions (CGE) and accept them without reservation.",
    })
    cge: boolean,
    @Arg('cguAccepted', () => Boolean, {
      description: "I acknowledge the cloud provider's terms (CGU) and accept them without reservation.",
    })
    cgu: boolean,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return accept(context.em, context.files, caller, id, { cge, cgu }).then(succeeded);
  }

  @Mutation(() => ProposalPayload, {
    description:
      '"Usages (crédits)": states the amount of credits to renew on a running order line and converts it into a subscription order directly, without a supplier proposal: the proposal it gives goes to the manager, then is accepted as any other.',
  })
  renewCredits(
    @Arg('orderLineId', () => ID, { description: 'The order line whose credits are renewed.' }) orderLineId: string,
    @Arg('amount', () => DecimalScalar, { description: 'The amount of credits, excl. VAT, in euros and cents.' })
    amount: Decimal,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return renewCredits(context.em, caller, orderLineId, amount).then(succeeded);
  }

  @Mutation(() => ProposalPayload, {
    description: 'Refuses a proposal ("Refuser la proposition technique"), saying why.',
  })
  refuseProposal(
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('reason', () => String, { description: 'Why.' }) reason: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return refuse(context.em, caller, id, reason).then(succeeded);
  }

  @FieldResolver(() => ProposalOrigin, {
    description: 'Whether the supplier proposed it, or the buyer stated credits to renew.',
  })
  origin(@Root() proposal: Proposal): ProposalOrigin {
    return proposal.creditsForOrderLineId ? ProposalOrigin.BUYER_CREDITS : ProposalOrigin.SUPPLIER;
  }

  @FieldResolver(() => String, { description: 'Status in the caller\'s language, e.g. "Attente manager".' })
  statusLabel(@Root() proposal: Proposal, @Ctx() { locale }: Context) {
    return pick(PROPOSAL_STATUS_LABELS[proposal.status], locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'Status in French and English.' })
  statusLabels(@Root() proposal: Proposal) {
    const label = PROPOSAL_STATUS_LABELS[proposal.status];
    return LocalizedText.of(label.fr, label.en);
  }

  @FieldResolver(() => [ProposalAction], {
    description: 'What the caller may do with it now: each value names the mutation to call.',
  })
  availableActions(@Root() proposal: Proposal, @Caller() caller: Identity): ProposalAction[] {
    return proposalActionsOf(caller, proposal);
  }

  @FieldResolver(() => Boolean, { description: 'Whether its validity date has passed (it can no longer be accepted).' })
  expired(@Root() proposal: Proposal) {
    return proposal.validUntil < new Date().toISOString().slice(0, 10);
  }

  @FieldResolver(() => Date, { description: 'When it was submitted (or last revised).' })
  submittedAt(@Root() proposal: Proposal) {
    return proposal.updatedAt;
  }

  @FieldResolver(() => [ProposalLine], {
    description: `Its lines (at most ${DEFAULT_LIST_LIMIT}: the most a proposal takes).`,
  })
  lines(@Root() proposal: Proposal, @Ctx() { loaders }: Context) {
    return loaders.linesByProposal.load(proposal.id);
  }

  @FieldResolver(() => QuoteTotals, { description: 'Totals, VAT per rate, excl. and incl. VAT.' })
  async totals(@Root() proposal: Proposal, @Ctx() { loaders, locale }: Context) {
    return quoteTotals(await loaders.linesByProposal.load(proposal.id), locale);
  }

  @FieldResolver(() => [ProposalDocument], {
    description: 'Its documents: the purchase request and the subscription order, once accepted.',
  })
  documents(@Root() proposal: Proposal, @Ctx() { loaders }: Context) {
    return loaders.documentsByProposal.load(proposal.id);
  }

  @FieldResolver(() => SubscriptionOrder, { nullable: true, description: 'The subscription order, once accepted.' })
  subscriptionOrder(@Root() proposal: Proposal, @Ctx() { loaders }: Context) {
    return loaders.subscriptionByProposal.load(proposal.id);
  }

  @FieldResolver(() => RequestReference, { description: 'The request it answers.' })
  request(@Root() proposal: Proposal) {
    return RequestReference.of(proposal.requestId);
  }

  @FieldResolver(() => BrandReference, { description: 'The brand that proposes.' })
  brand(@Root() proposal: Proposal) {
    return BrandReference.of(proposal.brandId);
  }
}

@Resolver(() => ProposalLine)
export class ProposalLineResolver {
  @FieldResolver(() => LineAmounts, { description: 'Quantity, unit prices and line totals.' })
  amounts(@Root() line: ProposalLine, @Ctx() { locale }: Context) {
    return lineAmounts(line, locale);
  }
}

@Resolver(() => ProposalDocument)
export class ProposalDocumentResolver {
  @FieldResolver(() => String, { description: 'Path of the PDF on the gateway; GET it with the same bearer token.' })
  downloadUrl(@Root() document: ProposalDocument) {
    return `/downloads/ordering/proposal-documents/${document.id}`;
  }

  @FieldResolver(() => Date, { description: 'When it was generated.' })
  generatedAt(@Root() document: ProposalDocument) {
    return document.createdAt;
  }
}
