import { Migration } from '@mikro-orm/migrations';

export class Migration20261126053443 extends Migration {

  override name = 'Migration20261126053443';

  override up(): void | Promise<void> {
    this.addSql(`alter table "request_solution" add "position" int not null default 0;`);

    this.addSql(`alter table "request_item" add "position" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "request_item" drop column "position";`);

    this.addSql(`alter table "request_solution" drop column "position";`);
  }

}
