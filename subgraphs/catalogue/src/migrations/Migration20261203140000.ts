import { Migration } from '@mikro-orm/migrations';

/** What the guided choice reads is versioned by PostgreSQL itself: any write moves the version. */
const WATCHED = ['brand', 'solution', 'certification', 'question', 'question_option'];

export class Migration20261203140000 extends Migration {
  override name = 'Migration20261203140000';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalogue_version" ("id" integer not null primary key, "version" bigint not null);`);
    this.addSql(`insert into "catalogue_version" ("id", "version") values (1, 0);`);
    this.addSql(
      `create function "bump_catalogue_version"() returns trigger language plpgsql as $$
         begin update "catalogue_version" set "version" = "version" + 1 where "id" = 1; return null; end
       $$;`,
    );
    for (const table of WATCHED)
      this.addSql(
        `create trigger "${table}_moves_catalogue_version" after insert or update or delete or truncate on "${table}"
           for each statement execute function "bump_catalogue_version"();`,
      );
  }

  override down(): void | Promise<void> {
    for (const table of WATCHED) this.addSql(`drop trigger "${table}_moves_catalogue_version" on "${table}";`);
    this.addSql(`drop function "bump_catalogue_version"();`);
    this.addSql(`drop table "catalogue_version";`);
  }
}
