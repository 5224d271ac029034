import { Migration } from '@mikro-orm/migrations';

/** Credit notes granted on each commitment (order line). */
export class Migration20261202141149 extends Migration {
  override name = 'Migration20261202141149';

  override up(): void | Promise<void> {
    this.addSql(`alter table "commitment" add "credited" numeric(14,2) not null default '0';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "commitment" drop column "credited";`);
  }
}
