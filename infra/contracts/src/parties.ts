/**
 * The parties a legal document names (subscription order, purchase request, invoice, credit
 * note): each as it is registered, so that an accounting department can file the document.
 */

/** A company or public body: its legal name, its registration (SIRET, SIREN or foreign register) and its address. */
export interface LegalParty {
  name: string;
  registration: string | null;
  address: string | null;
}

/** The buying entity, as its "Fiche bénéficiaire" says: its Chorus service code receives the invoices. */
export interface BuyerParty {
  name: string;
  siret: string;
  address: string;
  chorusServiceCode: string | null;
}

/** A market's parties: the central purchasing body that buys, the holder that answers for the suppliers. */
export interface MarketParties {
  marketName: string;
  /** The market's reference, as UGAP numbers it. */
  marketReference: string;
  purchasingBody: LegalParty;
  holder: LegalParty;
}
