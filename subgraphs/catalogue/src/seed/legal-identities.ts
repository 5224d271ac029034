import type { LegalParty, MarketParties } from '@nuage/contracts';

/**
 * The companies that contract for each brand, as documents name them. Names and head offices are
 * public; a registration is given only where we could state it with confidence, and is otherwise
 * left for the market holder to enter (`updateBrand`): documents then say it is to be completed.
 */
export const LEGAL_IDENTITIES: Record<string, LegalParty> = {
  '3DS OUTSCALE': {
    name: '3DS OUTSCALE SAS',
    registration: 'SIREN 527 594 493',
    address: '1 rue Royale, 92210 Saint-Cloud',
  },
  AWS: {
    name: 'Amazon Web Services EMEA SARL',
    registration: 'RCS Luxembourg B186284',
    address: '38 avenue John F. Kennedy, L-1855 Luxembourg',
  },
  'Microsoft Azure': {
    name: 'Microsoft Ireland Operations Limited',
    registration: 'CRO 256796 (Irlande)',
    address: 'One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, Irlande',
  },
  'Google Cloud': { name: 'Google Cloud France SARL', registration: null, address: '8 rue de Londres, 75009 Paris' },
  ORACLE: { name: 'Oracle France SAS', registration: null, address: null },
  'ORANGE BUSINESS SERVICES': { name: 'Orange Business Services SA', registration: null, address: null },
  OVHCLOUD: { name: 'OVH SAS', registration: 'SIREN 424 761 419', address: '2 rue Kellermann, 59100 Roubaix' },
  'CLOUD TEMPLE': { name: 'Cloud Temple SAS', registration: null, address: null },
  Numspot: { name: 'NumSpot SAS', registration: null, address: null },
  S3NS: { name: 'S3NS SAS', registration: null, address: null },
  SCALEWAY: {
    name: 'Scaleway SAS',
    registration: 'SIREN 433 115 904',
    address: "8 rue de la Ville-l'Évêque, 75008 Paris",
  },
  SCALINGO: { name: 'Scalingo SAS', registration: null, address: null },
  'clever cloud': { name: 'Clever Cloud SAS', registration: null, address: null },
  'CEGEDIM CLOUD': {
    name: 'Cegedim SA (cegedim.cloud)',
    registration: null,
    address: "137 rue d'Aguesseau, 92100 Boulogne-Billancourt",
  },
  'PLATFORM SH': { name: 'Platform.sh SAS', registration: null, address: null },
};

const UGAP: LegalParty = {
  name: "UGAP — Union des groupements d'achats publics",
  registration: null,
  address: '1 boulevard Archimède, Champs-sur-Marne, 77444 Marne-la-Vallée Cedex 2',
};
const CRAYON_SMLB: LegalParty = { name: 'Crayon-SMLB', registration: null, address: null };

/**
 * The markets and their parties. UGAP's own market numbers are not public: the references below
 * are placeholders until UGAP's are entered with `updateMarket`.
 */
export const MARKETS: ({ code: string } & MarketParties)[] = [
  {
    code: 'NUAGE_PUBLIC',
    marketName: 'Nuage Public',
    marketReference: 'UGAP-NUAGE-PUBLIC',
    purchasingBody: UGAP,
    holder: CRAYON_SMLB,
  },
  {
    code: 'CLOUD_COMMERCIAL_C3',
    marketName: 'Cloud Commercial C3',
    marketReference: 'UGAP-CLOUD-COMMERCIAL-C3',
    purchasingBody: UGAP,
    holder: CRAYON_SMLB,
  },
];
