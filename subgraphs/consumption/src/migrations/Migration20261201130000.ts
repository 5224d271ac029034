import { Migration } from '@mikro-orm/migrations';

/** An alert raised before a forecast can be made has no proposed renewal. */
export class Migration20261201130000 extends Migration {
  override name = 'Migration20261201130000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consumption_alert" alter column "proposed_renewal" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`update "consumption_alert" set "proposed_renewal" = 0 where "proposed_renewal" is null;`);
    this.addSql(`alter table "consumption_alert" alter column "proposed_renewal" set not null;`);
  }
}
