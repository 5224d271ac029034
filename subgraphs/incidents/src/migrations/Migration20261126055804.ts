import { Migration } from '@mikro-orm/migrations';

export class Migration20261126055804 extends Migration {
  override name = 'Migration20261126055804';

  override up(): void | Promise<void> {
    this.addSql(`create type "message_audience" as enum ('MARKET_HOLDER', 'BRAND');`);
    this.addSql(
      `create table "message" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_id" uuid not null, "audience" "message_audience" not null, "brand_id" uuid null, "author_id" varchar(255) not null, "author_name" varchar(255) not null, "author_role" varchar(255) not null, "body" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "message_subject_id_created_at_index" on "message" ("subject_id", "created_at");`);

    this.addSql(
      `create table "document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_id" uuid null, "message_id" uuid null, "kind" varchar(255) null, "file_name" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "storage_key" varchar(255) not null, "download_url" varchar(255) not null, "uploaded_by_id" varchar(255) not null, "uploaded_by_name" varchar(255) not null, "uploaded_by_role" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "document_uploaded_by_id_index" on "document" ("uploaded_by_id");`);
    this.addSql(`create index "document_subject_id_created_at_index" on "document" ("subject_id", "created_at");`);

    this.addSql(
      `create table "message_read" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "message_id" uuid not null, "reader_id" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`create index "message_read_reader_id_index" on "message_read" ("reader_id");`);
    this.addSql(
      `alter table "message_read" add constraint "message_read_message_id_reader_id_unique" unique ("message_id", "reader_id");`,
    );

    this.addSql(
      `alter table "document" add constraint "document_message_id_foreign" foreign key ("message_id") references "message" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "message_read" add constraint "message_read_message_id_foreign" foreign key ("message_id") references "message" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "document" drop constraint "document_message_id_foreign";`);
    this.addSql(`alter table "message_read" drop constraint "message_read_message_id_foreign";`);

    this.addSql(`drop table if exists "message" cascade;`);
    this.addSql(`drop table if exists "document" cascade;`);
    this.addSql(`drop table if exists "message_read" cascade;`);

    this.addSql(`drop type "message_audience";`);
  }
}
