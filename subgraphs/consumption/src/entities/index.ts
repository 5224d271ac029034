export { AlertSettings } from './alert-settings';
export { BeneficiaryEntityConsumption } from './beneficiary-entity';
