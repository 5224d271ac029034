import { Migration } from '@mikro-orm/migrations';

/** A request lists the documents other subgraphs issued for it (PAAC report, purchase request, subscription order). */
export class Migration20261202140955 extends Migration {
  override name = 'Migration20261202140955';

  override up(): void | Promise<void> {
    this.addSql(`alter table "known_guided_choice" add "report" jsonb null;`);

    this.addSql(`alter table "document" alter column "size" drop not null;`);
    this.addSql(`alter table "document" alter column "storage_key" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "document" alter column "size" set not null;`);
    this.addSql(`alter table "document" alter column "storage_key" set not null;`);

    this.addSql(`alter table "known_guided_choice" drop column "report";`);
  }
}
