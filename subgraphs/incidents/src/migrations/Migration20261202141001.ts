import { Migration } from '@mikro-orm/migrations';

/** Documents may be served by the subgraph that issued them (the threads module is shared). */
export class Migration20261202141001 extends Migration {
  override name = 'Migration20261202141001';

  override up(): void | Promise<void> {
    this.addSql(`alter table "document" alter column "size" drop not null;`);
    this.addSql(`alter table "document" alter column "storage_key" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "document" alter column "size" set not null;`);
    this.addSql(`alter table "document" alter column "storage_key" set not null;`);
  }
}
