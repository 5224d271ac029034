import { type Bilingual, BillingPeriod, type BillingTiming } from '@nuage/contracts';
import { Dec, formatDay, toCents } from '@nuage/platform';
import type Decimal from 'decimal.js';
import type { NeedItem } from '../entities/index.js';
import { totalsOf, type PricedLine } from './pricing.js';

/** Why a compared proposal differs from the need or from the others. */
export enum ComparisonNoteKind {
  /** Its term is shorter than the need: it must be renewed (at the same price, assumed) to cover it. */
  RENEWALS_NEEDED = 'RENEWALS_NEEDED',
  /** Its terms cover more months than the need: those are paid too. */
  BEYOND_NEED = 'BEYOND_NEED',
  /** Bought once, for its term. */
  ONE_OFF = 'ONE_OFF',
  /** No commitment stated: priced once, as covering the whole need. */
  NO_COMMITMENT = 'NO_COMMITMENT',
  /** How it is invoiced (when the money leaves, not how much). */
  BILLING = 'BILLING',
  /** A line of the need it does not price. */
  MISSING_ITEM = 'MISSING_ITEM',
  /** A line it prices that the need does not list. */
  EXTRA_LINE = 'EXTRA_LINE',
  /** It can no longer be accepted as it stands. */
  EXPIRED = 'EXPIRED',
  /** The need states no duration: proposals are compared over the longest term among them. */
  DURATION_ASSUMED = 'DURATION_ASSUMED',
}

export interface ComparisonNote {
  kind: ComparisonNoteKind;
  text: Bilingual;
}

/** A proposal as the comparison reads it. */
export interface ComparableProposal {
  id: string;
  commitmentMonths: number | null;
  billingPeriod: BillingPeriod;
  billingTiming: BillingTiming;
  validUntil: string;
  lines: (PricedLine & { productCode: string | null; designation: string })[];
}

export interface ComparedProposal {
  proposalId: string;
  /** 1 the cheapest over the duration; equal costs share a rank. */
  rank: number;
  /** Months one term covers. */
  termMonths: number;
  /** Terms bought to cover the duration (1 + renewals). */
  terms: number;
  renewals: number;
  coveredMonths: number;
  /** One term's price. */
  termExclVat: Decimal;
  termInclVat: Decimal;
  /** Over the need's duration. */
  totalExclVat: Decimal;
  totalInclVat: Decimal;
  monthlyExclVat: Decimal;
  monthlyInclVat: Decimal;
  /** How much more than the cheapest, excl. VAT (0 for the cheapest). */
  aboveCheapestExclVat: Decimal;
  notes: ComparisonNote[];
}

export interface ProposalComparison {
  durationMonths: number;
  durationAssumed: boolean;
  proposals: ComparedProposal[];
}

const PERIOD_TEXT: Record<BillingPeriod, Bilingual> = {
  ONE_OFF: { fr: 'en une fois', en: 'at once' },
  MONTHLY: { fr: 'mensuellement', en: 'monthly' },
  QUARTERLY: { fr: 'trimestriellement', en: 'quarterly' },
  ANNUAL: { fr: 'annuellement', en: 'yearly' },
};
const TIMING_TEXT: Record<BillingTiming, Bilingual> = {
  IN_ADVANCE: { fr: 'à échoir', en: 'in advance' },
  IN_ARREARS: { fr: 'à terme échu', en: 'in arrears' },
};
/** What only the need's product code (or, without one, its designation) identifies. */
const itemKey = (item: { productCode: string | null; designation: string }) =>
  item.productCode?.trim() || item.designation.trim().toLowerCase();

/**
 * Every proposal of a request, like for like over the need's duration (README, "Comparing
 * proposals"). A proposal's lines are priced for one term (its commitment months); it is renewed
 * at the same price until the terms cover the duration; a proposal without a commitment is priced
 * once for the whole need. Totals are exact: the term's totals (VAT per rate, rounded to the cent
 * as on its invoices) times the terms; the monthly equivalent is the total over the duration,
 * divided by its months and rounded to the cent.
 */
export function compareProposals(
  need: { durationMonths: number | null; items: NeedItem[] },
  proposals: ComparableProposal[],
  today: string,
): ProposalComparison {
  const durationAssumed = !need.durationMonths;
  const durationMonths = need.durationMonths || Math.max(12, ...proposals.map((p) => p.commitmentMonths ?? 0));
  const needed = new Map(need.items.map((item) => [itemKey(item), item]));
  const compared = proposals.map((proposal): Omit<ComparedProposal, 'rank' | 'aboveCheapestExclVat'> => {
    const notes: ComparisonNote[] = [];
    const termMonths = proposal.commitmentMonths ?? durationMonths;
    const terms = Math.ceil(durationMonths / termMonths);
    const coveredMonths = terms * termMonths;
    const term = totalsOf(proposal.lines);
    const totalExclVat = term.totalExclVat.times(terms);
    const totalInclVat = term.totalInclVat.times(terms);
    if (durationAssumed)
      notes.push({
        kind: ComparisonNoteKind.DURATION_ASSUMED,
        text: {
          fr: `Durée du besoin non indiquée : comparaison sur ${durationMonths} mois`,
          en: `No duration stated for the need: compared over ${durationMonths} months`,
        },
      });
    if (!proposal.commitmentMonths)
      notes.push({
        kind: ComparisonNoteKind.NO_COMMITMENT,
        text: {
          fr: 'Sans engagement : prix compté une fois pour tout le besoin',
          en: 'No commitment: priced once for the whole need',
        },
      });
    if (terms > 1)
      notes.push({
        kind: ComparisonNoteKind.RENEWALS_NEEDED,
        text: {
          fr: `Couvre ${termMonths} mois : ${terms - 1} renouvellement(s) au même prix pour ${durationMonths} mois`,
          en: `Covers ${termMonths} months: ${terms - 1} renewal(s) at the same price for ${durationMonths} months`,
        },
      });
    if (coveredMonths > durationMonths)
      notes.push({
        kind: ComparisonNoteKind.BEYOND_NEED,
        text: {
          fr: `Couvre ${coveredMonths} mois pour un besoin de ${durationMonths} : ${coveredMonths - durationMonths} mois payés au-delà`,
          en: `Covers ${coveredMonths} months for a ${durationMonths}-month need: ${coveredMonths - durationMonths} months paid beyond it`,
        },
      });
    notes.push(
      proposal.billingPeriod === BillingPeriod.ONE_OFF
        ? {
            kind: ComparisonNoteKind.ONE_OFF,
            text: {
              fr: `Achat ponctuel, facturé ${TIMING_TEXT[proposal.billingTiming].fr}`,
              en: `One-off purchase, invoiced ${TIMING_TEXT[proposal.billingTiming].en}`,
            },
          }
        : {
            kind: ComparisonNoteKind.BILLING,
            text: {
              fr: `Facturé ${PERIOD_TEXT[proposal.billingPeriod].fr}, ${TIMING_TEXT[proposal.billingTiming].fr}`,
              en: `Invoiced ${PERIOD_TEXT[proposal.billingPeriod].en}, ${TIMING_TEXT[proposal.billingTiming].en}`,
            },
          },
    );
    if (needed.size) {
      const priced = new Set(proposal.lines.map(itemKey));
      for (const [key, item] of needed)
        if (!priced.has(key))
          notes.push({
            kind: ComparisonNoteKind.MISSING_ITEM,
            text: { fr: `Manque : ${item.designation}`, en: `Missing: ${item.designation}` },
          });
      for (const line of proposal.lines)
        if (!needed.has(itemKey(line)))
          notes.push({
            kind: ComparisonNoteKind.EXTRA_LINE,
            text: { fr: `En plus du besoin : ${line.designation}`, en: `Beyond the need: ${line.designation}` },
          });
    }
    if (proposal.validUntil < today)
      notes.push({
        kind: ComparisonNoteKind.EXPIRED,
        text: {
          fr: `Offre expirée le ${formatDay(proposal.validUntil, 'fr')}`,
          en: `Offer expired on ${formatDay(proposal.validUntil, 'en')}`,
        },
      });
    return {
      proposalId: proposal.id,
      termMonths,
      terms,
      renewals: terms - 1,
      coveredMonths,
      termExclVat: term.totalExclVat,
      termInclVat: term.totalInclVat,
      totalExclVat,
      totalInclVat,
      monthlyExclVat: toCents(totalExclVat.dividedBy(durationMonths)),
      monthlyInclVat: toCents(totalInclVat.dividedBy(durationMonths)),
      notes,
    };
  });
  const ordered = [...compared].sort((a, b) => a.totalExclVat.comparedTo(b.totalExclVat));
  const cheapest = ordered[0]?.totalExclVat ?? new Dec(0);
  return {
    durationMonths,
    durationAssumed,
    proposals: ordered.map((row) => ({
      ...row,
      rank: 1 + ordered.filter((other) => other.totalExclVat.lessThan(row.totalExclVat)).length,
      aboveCheapestExclVat: row.totalExclVat.minus(cheapest),
    })),
  };
}
