import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045008 extends Migration {
  override name = 'Migration20261125045008';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "brand" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(255) not null, "slug" varchar(255) not null, "tagline" varchar(255) not null, "description" text not null, "legal_country" varchar(2) not null, "extra_eu_legislation" boolean null, "services" text[] not null, "sources" text[] not null, primary key ("id"));`,
    );
    this.addSql(`alter table "brand" add constraint "brand_name_unique" unique ("name");`);
    this.addSql(`alter table "brand" add constraint "brand_slug_unique" unique ("slug");`);
    this.addSql(`create index "brand_legal_country_index" on "brand" ("legal_country");`);
    this.addSql(`create index "brand_extra_eu_legislation_index" on "brand" ("extra_eu_legislation");`);

    this.addSql(
      `create table "market" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(255) not null, "name" varchar(255) not null, "holder" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "market" add constraint "market_code_unique" unique ("code");`);

    this.addSql(
      `create table "solution" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "brand_id" uuid not null, "name" varchar(255) not null, "description" text not null, "service_categories" text[] not null, primary key ("id"));`,
    );
    this.addSql(`create index "solution_brand_id_index" on "solution" ("brand_id");`);
    this.addSql(`alter table "solution" add constraint "solution_brand_id_name_unique" unique ("brand_id", "name");`);

    this.addSql(
      `create table "certification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "solution_id" uuid not null, "code" varchar(255) not null, "valid_from" date null, "valid_to" date null, "note" text null, primary key ("id"));`,
    );
    this.addSql(`create index "certification_solution_id_index" on "certification" ("solution_id");`);
    this.addSql(`create index "certification_code_index" on "certification" ("code");`);

    this.addSql(
      `alter table "solution" add constraint "solution_brand_id_foreign" foreign key ("brand_id") references "brand" ("id");`,
    );

    this.addSql(
      `alter table "certification" add constraint "certification_solution_id_foreign" foreign key ("solution_id") references "solution" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "solution" drop constraint "solution_brand_id_foreign";`);
    this.addSql(`alter table "certification" drop constraint "certification_solution_id_foreign";`);

    this.addSql(`drop table if exists "brand" cascade;`);
    this.addSql(`drop table if exists "market" cascade;`);
    this.addSql(`drop table if exists "solution" cascade;`);
    this.addSql(`drop table if exists "certification" cascade;`);
  }
}
