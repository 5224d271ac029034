import { Migration } from '@mikro-orm/migrations';

export class Migration20261201131114 extends Migration {
  override name = 'Migration20261201131114';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "customer_order" add "renews_order_line_ids" text[] not null default '{}', add "credits_for_order_line_id" uuid null;`,
    );

    this.addSql(
      `alter table "proposal" add "renews_order_line_ids" text[] not null default '{}', add "credits_for_order_line_id" uuid null;`,
    );

    this.addSql(`alter table "solicitation" add "renewed_order_line_ids" text[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "customer_order" drop column "renews_order_line_ids", drop column "credits_for_order_line_id";`,
    );

    this.addSql(`alter table "proposal" drop column "renews_order_line_ids", drop column "credits_for_order_line_id";`);

    this.addSql(`alter table "solicitation" drop column "renewed_order_line_ids";`);
  }
}
