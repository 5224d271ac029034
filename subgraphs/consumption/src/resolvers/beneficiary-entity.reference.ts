import { BeneficiaryEntityConsumption } from '../entities/index.js';

/** Any entity id may carry consumption settings; rights are checked on the fields. */
export const resolveBeneficiaryEntityReference = (reference: { id: string }) =>
  BeneficiaryEntityConsumption.of(reference.id);
