import { Migration } from '@mikro-orm/migrations';

/** The PAAC report names the buyer entity of the request it was addressed with. */
export class Migration20261202140216 extends Migration {
  override name = 'Migration20261202140216';

  override up(): void | Promise<void> {
    this.addSql(`alter table "guided_choice" add "buyer" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "guided_choice" drop column "buyer";`);
  }
}
