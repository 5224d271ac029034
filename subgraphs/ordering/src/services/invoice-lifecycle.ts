import { Role } from '@nuage/contracts';
import { defineLifecycle, registerActions } from '@nuage/platform';
import { INVOICE_STATUS_LABELS, InvoiceStatus } from '../entities/billing.js';

const { SCHEDULED, ISSUED, SUSPENDED, PAID, CANCELLED } = InvoiceStatus;

/** What a client may do with an invoice: each value is the mutation it calls. */
export enum InvoiceAction {
  ISSUE_INVOICE = 'ISSUE_INVOICE',
  RECORD_INVOICE_PAYMENT = 'RECORD_INVOICE_PAYMENT',
  CANCEL_INVOICE = 'CANCEL_INVOICE',
}
registerActions(InvoiceAction, 'InvoiceAction', 'an invoice');

/**
 * An invoice's lifecycle: scheduled at activation, issued by UGAP when its date comes, paid when
 * UGAP records the payment; suspended while an incident on its order is open (the incidents
 * subgraph says so by event) and released when the last one closes; cancelled by UGAP.
 */
export const INVOICE_LIFECYCLE = defineLifecycle({
  noun: { fr: 'cette facture', en: 'this invoice' },
  states: INVOICE_STATUS_LABELS,
  transitions: {
    issue: {
      from: [SCHEDULED],
      to: ISSUED,
      by: [Role.UGAP],
      verb: { fr: 'émettre', en: 'issue' },
      action: InvoiceAction.ISSUE_INVOICE,
    },
    suspend: {
      from: [ISSUED],
      to: SUSPENDED,
      by: ['SYSTEM'],
      verb: { fr: 'suspendre', en: 'suspend' },
    },
    release: {
      from: [SUSPENDED],
      to: ISSUED,
      by: ['SYSTEM'],
      verb: { fr: 'lever la suspension de', en: 'release' },
    },
    pay: {
      from: [ISSUED],
      to: PAID,
      by: [Role.UGAP],
      verb: { fr: 'enregistrer le paiement de', en: 'record the payment of' },
      action: InvoiceAction.RECORD_INVOICE_PAYMENT,
    },
    cancel: {
      from: [SCHEDULED, ISSUED, SUSPENDED],
      to: CANCELLED,
      by: [Role.UGAP],
      verb: { fr: 'annuler', en: 'cancel' },
      action: InvoiceAction.CANCEL_INVOICE,
    },
  },
});
export type InvoiceTransition = keyof typeof INVOICE_LIFECYCLE.transitions;
