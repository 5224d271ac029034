import { Migration } from '@mikro-orm/migrations';

const GIN_INDEXES = [
  'search_document_words',
  'search_document_refs',
  'search_document_refs_text',
  'search_document_brands',
];

/**
 * The search's words are ranked among the latest documents that contain them, read newest first.
 * Its GIN indexes are written through at once: documents come one at a time, and with the default
 * pending list every search scanned the entries not yet merged (a few thousand cost 15 ms).
 */
export class Migration20261203150000 extends Migration {
  override name = 'Migration20261203150000';

  override up(): void | Promise<void> {
    this.addSql(`create index "search_document_updated_at_id_index" on "search_document" ("updated_at", "id");`);
    for (const index of GIN_INDEXES) {
      this.addSql(`alter index "${index}" set (fastupdate = off);`);
      this.addSql(`select gin_clean_pending_list('"${index}"'::regclass);`);
    }
  }

  override down(): void | Promise<void> {
    for (const index of GIN_INDEXES) this.addSql(`alter index "${index}" reset (fastupdate);`);
    this.addSql(`drop index "search_document_updated_at_id_index";`);
  }
}
