export { AlertSettings } from './alert-settings';
export { BeneficiaryEntityConsumption } from './beneficiary-entity';
export { Commitment, UsageLine, UsageMonth, ConsumptionAlert } from './commitment';
export { OrderReference, OrderLineReference, RequestReference } from './references';
