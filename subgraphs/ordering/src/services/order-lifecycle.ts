import { defineLifecycle, Role } from '@nuage/shared';
import { OrderStatus } from '../entities/order';

const { AWAITING_VALIDATION, TO_DELIVER, DELIVERED, SERVICES_OPENED, ACTIVATION_DISPUTED, ACTIVATED, CANCELLED } = OrderStatus;
const BUYERS = [Role.BENEFICIARY, Role.MANAGER] as const;

/**
 * An order's lifecycle: UGAP validates it ("A livrer"), the supplier delivers it line by line and
 * declares the services open, the buyer validates the activation or reports a problem (the supplier
 * then declares them open again).
 */
export const ORDER_LIFECYCLE = defineLifecycle('order', {
  validate: { from: [AWAITING_VALIDATION], to: TO_DELIVER, by: [Role.UGAP] },
  cancel: { from: [AWAITING_VALIDATION], to: CANCELLED, by: [Role.UGAP] },
  deliverPart: { from: [TO_DELIVER], to: TO_DELIVER, by: [Role.SUPPLIER] },
  deliverAll: { from: [TO_DELIVER], to: DELIVERED, by: [Role.SUPPLIER] },
  openServices: { from: [TO_DELIVER, DELIVERED, ACTIVATION_DISPUTED], to: SERVICES_OPENED, by: [Role.SUPPLIER] },
  validateActivation: { from: [SERVICES_OPENED], to: ACTIVATED, by: BUYERS },
  reportProblem: { from: [SERVICES_OPENED], to: ACTIVATION_DISPUTED, by: BUYERS },
});
export type OrderTransition = keyof typeof ORDER_LIFECYCLE.transitions;
