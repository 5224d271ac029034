import { Migration } from '@mikro-orm/migrations';

export class Migration20261202021202 extends Migration {
  override name = 'Migration20261202021202';

  // Files kept in the subgraph's own database (the PostgreSQL file store), shared by its replicas.
  override up(): void | Promise<void> {
    this.addSql(
      `create table "stored_file" ("key" varchar(400) not null, "body" bytea not null, "size" int not null, "stored_at" timestamptz not null default now(), primary key ("key"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "stored_file" cascade;`);
  }
}
