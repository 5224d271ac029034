import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { IssuedDocument } from '@nuage/contracts';

/**
 * This subgraph's copy of what it checks buyers' choices against, kept from the catalogue's
 * events (never by reading the catalogue's tables): solutions, products and recorded guided choices.
 */
@Entity({ tableName: 'known_solution' })
export class KnownSolution {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'boolean' })
  retired!: boolean;
}

@Entity({ tableName: 'known_product' })
export class KnownProduct {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'string' })
  code!: string;

  @Property({ type: 'string' })
  designation!: string;

  @Property({ type: 'boolean' })
  retired!: boolean;
}

@Entity({ tableName: 'known_guided_choice' })
export class KnownGuidedChoice {
  [OptionalProps]?: 'report';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'string' })
  projectName!: string;

  /** The brand/solution pairs it retained. */
  @Property({ type: 'json' })
  matches!: { brandId: string; solutionId: string }[];

  /** Its PAAC report, listed with the documents of the request built on it. */
  @Property({ type: 'json', nullable: true })
  report: IssuedDocument | null = null;
}
