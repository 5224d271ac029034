import type { Bilingual } from './i18n.js';

/** The actors of the market (see the README, "Who may do what"). */
export enum Role {
  BENEFICIARY = 'BENEFICIARY',
  MANAGER = 'MANAGER',
  SUPPLIER = 'SUPPLIER',
  MARKET_HOLDER = 'MARKET_HOLDER',
  UGAP = 'UGAP',
  ANALYST = 'ANALYST',
}
/** Who buys for a beneficiary entity: its agents and their managers. */
export const BUYER_ROLES = [Role.BENEFICIARY, Role.MANAGER] as const;

/** Each role as people read it, in messages. */
export const ROLE_LABELS: Record<Role, Bilingual> = {
  BENEFICIARY: { fr: 'bénéficiaire', en: 'beneficiary' },
  MANAGER: { fr: 'manager', en: 'manager' },
  SUPPLIER: { fr: 'fournisseur', en: 'supplier' },
  MARKET_HOLDER: { fr: 'titulaire du marché', en: 'market holder' },
  UGAP: { fr: 'UGAP', en: 'UGAP' },
  ANALYST: { fr: 'analyste', en: 'analyst' },
};
