import type { EntityManager } from '@mikro-orm/postgresql';
import type { BrandChanged, BuyerParty, LegalParty, MarketChanged, MarketParties } from '@nuage/contracts';
import { KnownBrand, KnownMarket } from '../entities/index.js';

/** The market this platform orders on: every order is placed on it. */
const ORDERED_MARKET = 'NUAGE_PUBLIC';

/** Keeps the catalogue's latest word on who contracts for a brand (events of a brand arrive in order). */
export async function keepBrand(em: EntityManager, payload: BrandChanged): Promise<void> {
  const known = await em.findOne(KnownBrand, { id: payload.id });
  if (known) Object.assign(known, { name: payload.name, legal: payload.legal });
  else em.persist(em.create(KnownBrand, { id: payload.id, name: payload.name, legal: payload.legal }));
}

/** Keeps the catalogue's latest word on a market's parties. */
export async function keepMarket(em: EntityManager, { id, code, ...parties }: MarketChanged): Promise<void> {
  const known = await em.findOne(KnownMarket, { id });
  if (known) Object.assign(known, { code, parties });
  else em.persist(em.create(KnownMarket, { id, code, parties }));
}

/** The parties a document of an order names: the buyer as it stood at the order, the supplier and the market as they are. */
export interface OrderParties {
  buyer: BuyerParty | null;
  supplier: LegalParty | null;
  market: MarketParties | null;
}

export async function partiesOf(em: EntityManager, brandId: string, buyer: BuyerParty | null): Promise<OrderParties> {
  const [brand, market] = await Promise.all([
    em.findOne(KnownBrand, { id: brandId }),
    em.findOne(KnownMarket, { code: ORDERED_MARKET }),
  ]);
  return { buyer, supplier: brand?.legal ?? null, market: market?.parties ?? null };
}
