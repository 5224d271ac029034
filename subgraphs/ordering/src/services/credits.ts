import type { EntityManager } from '@mikro-orm/postgresql';
import { Dec, invalid, invalidTransition, notFound, publish, todayInParis, type Identity } from '@nuage/platform';
import { BillingPeriod, BillingTiming, TOPICS, type ProposalSubmitted } from '@nuage/contracts';
import type Decimal from 'decimal.js';
import { OrderLine, OrderStatus, Proposal, ProposalLine } from '../entities/index.js';
import { assertMay } from './access.js';
import { nextNumber } from './idempotency.js';
import { recordProposalStep } from './history.js';
import { addDays } from './invoices.js';

/** How long credits the buyer states may wait for the manager and the buyer's acceptance. */
const CREDITS_VALID_DAYS = 30;
/** A ceiling that catches a mistyped amount (one more zero), not a rule of the market. */
const MAX_CREDITS = new Dec('10000000');

/**
 * "Usages (crédits) : j'indique directement le montant à renouveler et le convertis en BS": on a
 * running order line, the buyer states the amount of credits to add. No supplier proposal is
 * awaited: the proposal is written from the line (same brand, product and VAT rate), goes to the
 * entity's manager as any other, and once approved the buyer accepts it into a subscription order.
 */
export async function renewCredits(
  em: EntityManager,
  caller: Identity,
  orderLineId: string,
  amount: Decimal,
): Promise<Proposal> {
  assertMay(caller, 'credits:renew');
  if (amount.lte(0) || amount.decimalPlaces() > 2)
    throw invalid('amount', {
      fr: 'Un montant positif, en euros et centimes.',
      en: 'A positive amount in euros and cents.',
    });
  if (amount.gt(MAX_CREDITS))
    throw invalid('amount', {
      fr: 'Un renouvellement de crédits dépasse rarement 10 000 000,00 € : vérifiez le montant.',
      en: 'A credits renewal seldom exceeds €10,000,000.00: check the amount.',
    });
  return em.transactional(async (tx) => {
    // Only the entity's own lines: a credits renewal is the buyer's, even for market-wide staff.
    const line = await tx.findOne(
      OrderLine,
      { id: orderLineId, order: { entityId: caller.entityId } },
      { populate: ['order'] },
    );
    if (!line) throw notFound({ fr: 'La ligne de commande', en: 'The order line' }, 'orderLineId');
    const order = line.order;
    if (order.status !== OrderStatus.ACTIVATED || !order.requestId) {
      throw invalidTransition({
        fr: 'Les crédits se renouvellent sur une commande dont la mise en service est validée.',
        en: 'Credits are renewed on an order whose activation is validated.',
      });
    }
    const credits = amount.toFixed(2);
    const proposal = tx.create(Proposal, {
      number: await nextNumber(tx, 'proposal_number_seq', 'DC'),
      requestId: order.requestId,
      fileNumber: order.fileNumber ?? '',
      brandId: order.brandId,
      entityId: order.entityId,
      submittedByName: caller.name,
      validUntil: addDays(todayInParis(), CREDITS_VALID_DAYS),
      commitmentMonths: null,
      billingPeriod: BillingPeriod.ONE_OFF,
      billingTiming: BillingTiming.IN_ADVANCE,
      creditsForOrderLineId: line.id,
    });
    proposal.lines.add(
      tx.create(ProposalLine, {
        proposal,
        position: 0,
        productId: line.productId,
        productCode: line.productCode,
        designation: `Crédits de consommation — ${line.designation}`,
        quantity: '1.00',
        listUnitPrice: credits,
        unitPrice: credits,
        vatRate: line.vatRate,
      }),
    );
    tx.persist(proposal);
    recordProposalStep(tx, proposal, caller, null, {
      action: 'stateCredits',
      summary: {
        fr: `Renouvellement de crédits de ${order.reference} : proposition ${proposal.number} à valider`,
        en: `Credits renewal of ${order.reference}: proposal ${proposal.number} to approve`,
      },
    });
    // As for a supplier's proposal: the request shows it, the managers are asked to approve it.
    publish(tx, TOPICS.proposalSubmitted, {
      requestId: proposal.requestId,
      proposalId: proposal.id,
      brandId: proposal.brandId,
    } satisfies ProposalSubmitted);
    return proposal;
  });
}
