import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { invalid, invalidTransition, type Identity } from '@nuage/platform';
import { Invoice, InvoiceStatus, Order, OrderStatus } from '../entities/index.js';
import { assertMay, ordersFor } from './access.js';
import { recordOrderStep } from './history.js';

/** A Chorus legal commitment number ("numéro d'engagement juridique", EJ): 10 digits. */
const EJ_FORMAT = /^\d{10}$/;

const alreadyUsed = (reference: string) =>
  invalid('input.number', {
    fr: `Ce numéro d'engagement juridique est déjà celui de la commande ${reference} de votre entité.`,
    en: `This legal commitment number is already that of order ${reference} of your entity.`,
  });

/**
 * The buyer records on its order the legal commitment (EJ) of the purchase request it raised in
 * Chorus: 10 digits, one order per EJ within the entity, and corrected until an invoice carries it
 * (each value is kept in the order's history). UGAP reads it when validating; invoices carry it.
 */
export async function recordLegalCommitment(
  em: EntityManager,
  caller: Identity,
  orderId: string,
  value: string,
): Promise<Order> {
  assertMay(caller, 'legalCommitment:record');
  const number = value.replace(/\s/g, '');
  if (!EJ_FORMAT.test(number))
    throw invalid('input.number', {
      fr: "Un numéro d'engagement juridique Chorus compte 10 chiffres, par exemple « 1300012345 ».",
      en: 'A Chorus legal commitment number is 10 digits, e.g. "1300012345".',
    });
  try {
    return await em.transactional(async (tx) => {
      const order = await ordersFor(tx, caller).get(orderId, { field: 'input.orderId', lock: true });
      if (order.status === OrderStatus.CANCELLED)
        throw invalidTransition({ fr: 'Cette commande est annulée.', en: 'This order is cancelled.' });
      if (order.legalCommitmentNumber === number)
        throw invalid('input.number', {
          fr: 'Ce numéro est déjà celui de la commande.',
          en: 'This number is already the order’s.',
        });
      const invoiced = await tx.findOne(Invoice, { order, status: { $ne: InvoiceStatus.SCHEDULED } });
      if (invoiced)
        throw invalidTransition({
          fr: `La facture ${invoiced.number} porte déjà l'engagement juridique ${order.legalCommitmentNumber ?? '(aucun)'} : il ne change plus.`,
          en: `Invoice ${invoiced.number} already carries legal commitment ${order.legalCommitmentNumber ?? '(none)'}: it no longer changes.`,
        });
      const other = await tx.findOne(Order, { entityId: order.entityId, legalCommitmentNumber: number });
      if (other) throw alreadyUsed(other.reference);
      const before = order.legalCommitmentNumber;
      order.legalCommitmentNumber = number;
      recordOrderStep(tx, order, caller, null, {
        action: 'recordLegalCommitment',
        changes: [{ field: 'legalCommitmentNumber', from: before, to: number }],
        summary: {
          fr: `Engagement juridique Chorus ${number} enregistré sur la commande ${order.reference}`,
          en: `Chorus legal commitment ${number} recorded on order ${order.reference}`,
        },
      });
      return order;
    });
  } catch (error) {
    // Two orders given the same EJ at the same moment: the second meets the unique index.
    if (error instanceof UniqueConstraintViolationException) throw alreadyUsed('(une autre / another)');
    throw error;
  }
}
