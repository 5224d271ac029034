export { Order, OrderStatus, ORDER_STATUS_LABELS } from './order';
export { BrandReference, BeneficiaryEntityReference } from './references';
