import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';
import { Role } from '@nuage/contracts';
import { stableId, type Identity } from '@nuage/platform';

/** Callers of the catalogue tests, shaped as the gateway signs them. */
export const ENTITY_ID = stableId('entity', '13002526500013');
export const brandId = (name: string) => stableId('brand', name);

export const beneficiary: Identity = {
  userId: 'clara',
  role: Role.BENEFICIARY,
  name: 'Clara Maurice',
  entityId: ENTITY_ID,
  entityName: 'Entité de démonstration',
};
export const otherEntityBuyer: Identity = {
  userId: 'paul',
  role: Role.BENEFICIARY,
  name: 'Paul Durand',
  entityId: stableId('entity', 'other'),
  entityName: 'Autre entité',
};
export const marketHolder: Identity = { userId: 'sophie', role: Role.MARKET_HOLDER, name: 'Sophie Bernard' };
export const analyst: Identity = { userId: 'ines', role: Role.ANALYST, name: 'Inès Petit' };
export const supplierOf = (brand: string): Identity => ({
  userId: `supplier-${brand}`,
  role: Role.SUPPLIER,
  name: `Supplier ${brand}`,
  brandId: brandId(brand),
});

const EVALUATE = graphql(`query($input: GuidedChoiceInput!) { evaluateGuidedChoice(input: $input) { matchCount } }`);
/** One answer to the questionnaire, as a guided choice takes it. */
export type Answer = VariablesOf<typeof EVALUATE>['input']['answers'][number];

/** The guide's example: all providers, SecNumCloud required, CMDB and marketplace desired. */
export const GUIDE_ANSWERS: Answer[] = [
  { question: 'EXTRA_EU_LEGISLATION', option: 'ALL_PROVIDERS' },
  { question: 'CERTIFICATIONS', option: 'SECNUMCLOUD', requirement: 'REQUIRED' },
  { question: 'SUPERVISION', option: 'CMDB', requirement: 'DESIRED' },
  { question: 'ADVANCED', option: 'MARKETPLACE', requirement: 'DESIRED' },
];
