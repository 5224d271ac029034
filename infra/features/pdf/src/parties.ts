import type { BuyerParty, LegalParty, MarketParties } from '@nuage/contracts';
import type { PdfParty } from './pdf.js';

const TO_COMPLETE = 'à compléter par le titulaire du marché';

const spacedSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

const legal = (role: string, party: LegalParty, extra: string[] = []): PdfParty => ({
  role,
  name: party.name,
  details: [
    ...extra,
    `Immatriculation : ${party.registration ?? TO_COMPLETE}`,
    `Adresse : ${party.address ?? TO_COMPLETE}`,
  ],
});

/** What a document knows of its parties; a buyer or supplier not known yet is printed as such. */
export interface DocumentParties {
  buyer: BuyerParty | { name: string } | null;
  supplier?: LegalParty | null;
  market: MarketParties | null;
}

/**
 * The parties every legal document names, in the order an accounting department looks for them:
 * the beneficiary entity, the supplier, the central purchasing body, the market holder with the market.
 */
export function documentParties({ buyer, supplier, market }: DocumentParties): PdfParty[] {
  const parties: PdfParty[] = [
    buyer && 'siret' in buyer
      ? {
          role: 'BÉNÉFICIAIRE (ENTITÉ PUBLIQUE)',
          name: buyer.name,
          details: [
            `SIRET : ${spacedSiret(buyer.siret)}`,
            `Adresse : ${buyer.address}`,
            `Code service Chorus : ${buyer.chorusServiceCode ?? 'non renseigné'}`,
          ],
        }
      : {
          role: 'BÉNÉFICIAIRE (ENTITÉ PUBLIQUE)',
          name: buyer?.name ?? '—',
          details: ['SIRET et adresse : fiche bénéficiaire à compléter'],
        },
  ];
  if (supplier !== undefined)
    parties.push(
      supplier
        ? legal('FOURNISSEUR (MARQUE)', supplier)
        : { role: 'FOURNISSEUR (MARQUE)', name: '—', details: [TO_COMPLETE] },
    );
  if (market) {
    parties.push(legal('CENTRALE D’ACHAT', market.purchasingBody));
    parties.push(
      legal('TITULAIRE DU MARCHÉ', market.holder, [`Marché ${market.marketName} — réf. ${market.marketReference}`]),
    );
  }
  return parties;
}
