export { Order, OrderStatus, ORDER_STATUS_LABELS } from './order';
export { Solicitation } from './solicitation';
export { BrandReference, BeneficiaryEntityReference, RequestReference, DashboardReference } from './references';
