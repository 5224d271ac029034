import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type Decimal from 'decimal.js';
import { type Locale, Role } from '@nuage/contracts';
import {
  Caller,
  isMarketWide,
  LocalizedText,
  Money,
  pick,
  succeeded,
  todayInParis,
  type Identity,
} from '@nuage/platform';
import { BrandReference, Consultation, ProposalStatus, RequestReference, Solicitation } from '../entities/index.js';
import type { Context } from '../loaders.js';
import { declineSolicitation, extendDeadline, openProposalsEarly } from '../services/consultations.js';
import { compareProposals } from '../services/comparison.js';
import { assertMay } from '../services/access.js';
import {
  ConsultationPayload,
  ProposalComparisonResult,
  ProposalReceipt,
  SolicitationDecline,
  SolicitationPayload,
} from './consultation.types.js';

const isSupplier = (caller: Identity) => caller.role === Role.SUPPLIER;

/** What the ordering subgraph adds to a request: how it receives proposals, and their comparison. */
@Resolver(() => RequestReference)
export class RequestConsultationResolver {
  @FieldResolver(() => Consultation, {
    nullable: true,
    description:
      'How it receives proposals: deadline, seal, who answered or declined (its buyers, the solicited brands, market staff).',
  })
  async consultation(@Root() request: RequestReference, @Ctx() { loaders }: Context, @Caller() caller: Identity) {
    const [consultation] = await loaders.consultationByRequest.load(request.id);
    if (!consultation) return null;
    if (isMarketWide(caller) || caller.entityId === consultation.entityId) return consultation;
    const solicited = await loaders.solicitationsByRequest.load(request.id);
    return isSupplier(caller) && solicited.some((s) => s.brandId === caller.brandId) ? consultation : null;
  }

  @FieldResolver(() => ProposalComparisonResult, {
    nullable: true,
    description:
      'Its opened proposals compared like for like over the need’s duration (README, "Comparing proposals"): the buyer’s side, UGAP and the market holder.',
  })
  async proposalComparison(
    @Root() request: RequestReference,
    @Ctx() { loaders, locale }: Context,
    @Caller() caller: Identity,
  ) {
    assertMay(caller, 'comparison:read');
    const [consultation] = await loaders.consultationByRequest.load(request.id);
    if (!consultation || !(isMarketWide(caller) || caller.entityId === consultation.entityId)) return null;
    const [readable, received] = await Promise.all([
      loaders.proposalsByRequest.load(request.id),
      loaders.receivedByRequest.load(request.id),
    ]);
    // Withdrawn, a proposal is no offer; credits a buyer stated answer no request.
    const suppliers = readable.filter((p) => !p.creditsForOrderLineId && p.status !== ProposalStatus.WITHDRAWN);
    const lines = await Promise.all(suppliers.map((p) => loaders.linesByProposal.load(p.id)));
    const comparison = compareProposals(
      { durationMonths: consultation.durationMonths, items: consultation.needItems },
      suppliers.map((p, i) => ({ ...p, lines: lines[i]! })),
      todayInParis(),
    );
    return Object.assign(new ProposalComparisonResult(), {
      durationMonths: comparison.durationMonths,
      durationAssumed: comparison.durationAssumed,
      sealedCount: received.filter((p) => p.sealed).length,
      proposals: comparison.proposals.map((row) => ({
        ...row,
        ...moneyOf(row, locale),
        proposal: suppliers.find((p) => p.id === row.proposalId)!,
        notes: row.notes.map((note) => ({
          kind: note.kind,
          label: pick(note.text, locale),
          labels: LocalizedText.of(note.text.fr, note.text.en),
        })),
      })),
    });
  }
}

const AMOUNTS = [
  'termExclVat',
  'termInclVat',
  'totalExclVat',
  'totalInclVat',
  'monthlyExclVat',
  'monthlyInclVat',
  'aboveCheapestExclVat',
] as const;
/** A compared proposal's amounts as the API gives money: to the cent, and written for people. */
const moneyOf = (row: Record<(typeof AMOUNTS)[number], Decimal>, locale: Locale) =>
  Object.fromEntries(AMOUNTS.map((name) => [name, Money.of(row[name], locale)]));

@Resolver(() => Consultation)
export class ConsultationResolver {
  @FieldResolver(() => Int, { description: 'How many proposals were received (sealed or not, withdrawn excluded).' })
  async proposalsReceived(@Root() consultation: Consultation, @Ctx() { loaders }: Context) {
    return (await this.received(consultation, loaders)).length;
  }

  @FieldResolver(() => [ProposalReceipt], {
    description: 'From which brands, and when (the buyer’s side and market staff; a supplier reads none).',
  })
  async receivedFrom(@Root() consultation: Consultation, @Ctx() { loaders }: Context, @Caller() caller: Identity) {
    if (isSupplier(caller)) return [];
    return (await this.received(consultation, loaders)).map((p) => ({
      brand: BrandReference.of(p.brandId),
      submittedAt: p.createdAt,
    }));
  }

  @FieldResolver(() => [SolicitationDecline], {
    description: 'The solicited brands that declined, with why (a supplier reads its own only).',
  })
  async declines(@Root() consultation: Consultation, @Ctx() { loaders }: Context, @Caller() caller: Identity) {
    const solicitations = await loaders.solicitationsByRequest.load(consultation.requestId);
    return solicitations
      .filter((s) => s.declinedAt && (!isSupplier(caller) || s.brandId === caller.brandId))
      .map((s) => ({ brand: BrandReference.of(s.brandId), reason: s.declineReason!, declinedAt: s.declinedAt! }));
  }

  @FieldResolver(() => Int, { description: 'Solicited brands that have neither proposed nor declined yet.' })
  async awaitedAnswers(@Root() consultation: Consultation, @Ctx() { loaders }: Context) {
    const [solicitations, received] = await Promise.all([
      loaders.solicitationsByRequest.load(consultation.requestId),
      this.received(consultation, loaders),
    ]);
    const answered = new Set(received.map((p) => p.brandId));
    return solicitations.filter((s) => !s.declinedAt && !s.closedAt && !answered.has(s.brandId)).length;
  }

  private async received(consultation: Consultation, loaders: Context['loaders']) {
    const all = await loaders.receivedByRequest.load(consultation.requestId);
    return all.filter((p) => !p.creditsForOrderLineId && p.status !== ProposalStatus.WITHDRAWN);
  }

  @Mutation(() => ConsultationPayload, {
    description:
      'Moves your request’s response deadline later, with why (recorded; the brands yet to answer are reminded again).',
  })
  extendResponseDeadline(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Arg('until', () => Date, { description: 'The new deadline, after the current one.' }) until: Date,
    @Arg('reason', () => String, { description: 'Why.' }) reason: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return extendDeadline(context.em, caller, requestId, until, reason).then(succeeded);
  }

  @Mutation(() => ConsultationPayload, {
    description:
      'Opens your request’s sealed proposals before the deadline: only once every solicited brand proposed or declined.',
  })
  openProposals(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return openProposalsEarly(context.em, caller, requestId).then(succeeded);
  }
}

@Resolver(() => Solicitation)
export class SolicitationDeclineResolver {
  @Mutation(() => SolicitationPayload, {
    description:
      'Declines to answer a request that solicits your brand, with why (the buyer reads it). Declining again changes nothing.',
  })
  declineRequest(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Arg('reason', () => String, { description: 'Why your brand declines.' }) reason: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return declineSolicitation(context.em, caller, requestId, reason).then(succeeded);
  }
}
