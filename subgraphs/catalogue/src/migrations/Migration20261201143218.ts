import { Migration } from '@mikro-orm/migrations';

export class Migration20261201143218 extends Migration {
  override name = 'Migration20261201143218';

  override up(): void | Promise<void> {
    this.addSql(`drop index "guided_choice_matched_brand_ids_index";`);
    this.addSql(`alter table "guided_choice" add "addressed_brand_ids" text[] not null default '{}';`);
    this.addSql(
      `create index "guided_choice_addressed_brand_ids_index" on "guided_choice" using gin ("addressed_brand_ids");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "guided_choice_addressed_brand_ids_index";`);
    this.addSql(`alter table "guided_choice" drop column "addressed_brand_ids";`);
    this.addSql(
      `create index "guided_choice_matched_brand_ids_index" on "guided_choice" using gin ("matched_brand_ids");`,
    );
  }
}
