export { AlertSettings } from './alert-settings.js';
export { BeneficiaryEntityConsumption } from './beneficiary-entity.js';
export { Commitment, UsageLine, UsageMonth, ConsumptionAlert } from './commitment.js';
export { OrderReference, OrderLineReference, RequestReference } from './references.js';
