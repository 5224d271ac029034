import { Migration } from '@mikro-orm/migrations';

export class Migration20261201142922 extends Migration {
  override name = 'Migration20261201142922';

  override up(): void | Promise<void> {
    this.addSql(`alter table "person" drop constraint "person_email_unique";`);
    this.addSql(`alter table "person" add "deactivated_at" timestamptz null;`);
    this.addSql(
      `create unique index "person_scope_email_unique" on "person" (coalesce("entity_id", "brand_id", '00000000-0000-0000-0000-000000000000'::uuid), "email");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "person_scope_email_unique";`);
    this.addSql(`alter table "person" drop column "deactivated_at";`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);
  }
}
