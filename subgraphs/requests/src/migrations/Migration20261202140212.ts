import { Migration } from '@mikro-orm/migrations';

/** Credit notes appear in histories and the search. */
export class Migration20261202140212 extends Migration {
  override name = 'Migration20261202140212';

  override up(): void | Promise<void> {
    this.addSql(`alter type "history_subject" add value if not exists 'CREDIT_NOTE' after 'INVOICE';`);
  }

  override down(): void | Promise<void> {}
}
