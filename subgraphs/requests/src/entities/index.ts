export { BeneficiaryEntity } from './beneficiary-entity';
export { Person } from './person';
export { BrandReference } from './brand';
