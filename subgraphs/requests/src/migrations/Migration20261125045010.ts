import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045010 extends Migration {
  override name = 'Migration20261125045010';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "beneficiary_entity" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "siret" varchar(14) not null, "address" text not null, primary key ("id"));`,
    );
    this.addSql(`alter table "beneficiary_entity" add constraint "beneficiary_entity_siret_unique" unique ("siret");`);

    this.addSql(
      `create table "person" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "first_name" varchar(255) not null, "last_name" varchar(255) not null, "email" varchar(255) not null, "phone" varchar(255) null, "role" varchar(255) not null, "entity_id" uuid null, "brand_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);
    this.addSql(`create index "person_entity_id_index" on "person" ("entity_id");`);
    this.addSql(`create index "person_brand_id_index" on "person" ("brand_id");`);

    this.addSql(
      `alter table "person" add constraint "person_entity_id_foreign" foreign key ("entity_id") references "beneficiary_entity" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "person" drop constraint "person_entity_id_foreign";`);

    this.addSql(`drop table if exists "beneficiary_entity" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
  }
}
