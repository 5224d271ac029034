import { Migration } from '@mikro-orm/migrations';

/** The parties documents print: the company behind each brand, and each market's reference, holder and purchasing body. */
export class Migration20261202135043 extends Migration {
  override name = 'Migration20261202135043';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "brand" add "legal_name" varchar(255) null, add "registration" varchar(255) null, add "address" text null;`,
    );
    // Markets seeded before: placeholders the seed's values replace (see `seedCatalogue`).
    this.addSql(
      `alter table "market" add "reference" varchar(255) not null default '', add "holder_registration" varchar(255) null, add "holder_address" text null, add "purchasing_body" varchar(255) not null default '', add "purchasing_body_registration" varchar(255) null, add "purchasing_body_address" text null;`,
    );
    this.addSql(
      `alter table "market" alter column "reference" drop default, alter column "purchasing_body" drop default;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "brand" drop column "legal_name", drop column "registration", drop column "address";`);
    this.addSql(
      `alter table "market" drop column "reference", drop column "holder_registration", drop column "holder_address", drop column "purchasing_body", drop column "purchasing_body_registration", drop column "purchasing_body_address";`,
    );
  }
}
