import { BUYER_ROLES, Role } from '@nuage/contracts';
import { defineLifecycle, registerActions } from '@nuage/platform';
import { ORDER_STATUS_LABELS, OrderStatus } from '../entities/order.js';

const { AWAITING_VALIDATION, TO_DELIVER, DELIVERED, SERVICES_OPENED, ACTIVATION_DISPUTED, ACTIVATED, CANCELLED } =
  OrderStatus;

/** What a client may do with an order: each value is the mutation it calls. */
export enum OrderAction {
  VALIDATE_ORDER = 'VALIDATE_ORDER',
  CANCEL_ORDER = 'CANCEL_ORDER',
  RECORD_DELIVERY = 'RECORD_DELIVERY',
  DECLARE_SERVICES_OPEN = 'DECLARE_SERVICES_OPEN',
  VALIDATE_ACTIVATION = 'VALIDATE_ACTIVATION',
  REPORT_ACTIVATION_PROBLEM = 'REPORT_ACTIVATION_PROBLEM',
}
registerActions(OrderAction, 'OrderAction', 'an order');

/**
 * An order's lifecycle: UGAP validates it ("A livrer") or cancels it, the supplier delivers it
 * line by line and, once every line is delivered, declares the services open; the buyer validates
 * the activation or reports a problem (the supplier then declares them open again).
 */
export const ORDER_LIFECYCLE = defineLifecycle({
  noun: { fr: 'cette commande', en: 'this order' },
  states: ORDER_STATUS_LABELS,
  transitions: {
    validate: {
      from: [AWAITING_VALIDATION],
      to: TO_DELIVER,
      by: [Role.UGAP],
      verb: { fr: 'valider', en: 'validate' },
      action: OrderAction.VALIDATE_ORDER,
    },
    cancel: {
      from: [AWAITING_VALIDATION],
      to: CANCELLED,
      by: [Role.UGAP],
      verb: { fr: 'annuler', en: 'cancel' },
      action: OrderAction.CANCEL_ORDER,
    },
    deliverPart: {
      from: [TO_DELIVER],
      to: TO_DELIVER,
      by: [Role.SUPPLIER],
      verb: { fr: 'livrer', en: 'deliver' },
      action: OrderAction.RECORD_DELIVERY,
    },
    deliverAll: {
      from: [TO_DELIVER],
      to: DELIVERED,
      by: [Role.SUPPLIER],
      verb: { fr: 'livrer', en: 'deliver' },
      action: OrderAction.RECORD_DELIVERY,
    },
    // Only once every line is delivered: services opened on a partial delivery would leave the rest undeliverable.
    openServices: {
      from: [DELIVERED, ACTIVATION_DISPUTED],
      to: SERVICES_OPENED,
      by: [Role.SUPPLIER],
      verb: { fr: 'déclarer ouverts les services de', en: 'declare open the services of' },
      action: OrderAction.DECLARE_SERVICES_OPEN,
    },
    validateActivation: {
      from: [SERVICES_OPENED],
      to: ACTIVATED,
      by: BUYER_ROLES,
      verb: { fr: 'valider la mise en service de', en: 'validate the activation of' },
      action: OrderAction.VALIDATE_ACTIVATION,
    },
    reportProblem: {
      from: [SERVICES_OPENED],
      to: ACTIVATION_DISPUTED,
      by: BUYER_ROLES,
      verb: { fr: 'signaler un problème de mise en service sur', en: 'report an activation problem on' },
      action: OrderAction.REPORT_ACTIVATION_PROBLEM,
    },
  },
});
export type OrderTransition = keyof typeof ORDER_LIFECYCLE.transitions;
