import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { LegalParty, MarketParties } from '@nuage/contracts';

/** Who contracts for a brand, as the catalogue announced it: the supplier that documents name. */
@Entity({ tableName: 'known_brand' })
export class KnownBrand {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'json' })
  legal!: LegalParty;
}

/** A market's parties (UGAP, the holder, the market's reference), as the catalogue announced them. */
@Entity({ tableName: 'known_market' })
export class KnownMarket {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', unique: true })
  code!: string;

  @Property({ type: 'json' })
  parties!: MarketParties;
}

export const PARTY_ENTITIES = [KnownBrand, KnownMarket];
