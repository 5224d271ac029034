import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One row whose `version` PostgreSQL moves, by triggers, on every change to what the guided choice
 * reads (brands, solutions, certifications, the questionnaire), whoever writes it: the catalogue's
 * reads are kept under it (`services/catalogue-snapshot.ts`) and read again once it has moved.
 */
@Entity({ tableName: 'catalogue_version' })
export class CatalogueVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint' })
  version!: string;
}
