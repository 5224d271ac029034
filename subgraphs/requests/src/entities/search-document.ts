import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { HistorySubject } from '@nuage/contracts';

/**
 * What the global search finds a file or one of its parts by: its references (file number, DC…,
 * BS…, CC… and UGAP's reference, BL…, FA…, SAV-…) and its words, with who may see it. Kept by the
 * requests subgraph from its own requests and from the history other subgraphs publish.
 */
@Entity({ tableName: 'search_document' })
@Index({
  name: 'search_document_refs',
  expression: 'create index "search_document_refs" on "search_document" using gin ("refs")',
})
@Index({
  name: 'search_document_words',
  expression: 'create index "search_document_words" on "search_document" using gin ("words")',
})
@Index({
  name: 'search_document_refs_text',
  expression: 'create index "search_document_refs_text" on "search_document" using gin ("refs_text" gin_trgm_ops)',
})
@Index({
  name: 'search_document_brands',
  expression: 'create index "search_document_brands" on "search_document" using gin ("brand_ids")',
})
@Index({ properties: ['entityId', 'updatedAt'] })
export class SearchDocument {
  /** The id of what it describes (request, proposal, order…). */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Enum({ items: () => HistorySubject, nativeEnumName: 'history_subject' })
  subjectType!: HistorySubject;

  /** Its own reference (file number, DC…, CC…, SAV-…), as shown. */
  @Property({ type: 'string' })
  reference!: string;

  /** Every reference it is found by, upper-cased (an order: CC… and UGAP's reference). */
  @Property({ type: 'text[]' })
  refs!: string[];

  /** The references as one text, each after a space, so that a reference's start is found through a trigram index. */
  @Property({ type: 'text' })
  refsText!: string;

  @Property({ type: 'text', nullable: true })
  title!: string | null;

  @Property({ type: 'text', nullable: true })
  body!: string | null;

  /** Its latest step, as people read it. */
  @Property({ type: 'text', nullable: true })
  summaryFr!: string | null;

  @Property({ type: 'text', nullable: true })
  summaryEn!: string | null;

  @Property({ type: 'uuid', nullable: true })
  fileId!: string | null;

  /** The order it belongs to (a subscription order, delivery, invoice or incident). */
  @Property({ type: 'uuid', nullable: true })
  orderId!: string | null;

  /** The buying entity: its people see it. */
  @Property({ type: 'uuid', nullable: true })
  entityId!: string | null;

  /** The brands whose staff see it (a request: the solicited brands; a proposal, order…: its brand). */
  @Property({ type: 'uuid[]' })
  brandIds!: string[];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  /** French words of the title and body, stemmed and without accents ("sécurisé" and "securise" alike). */
  @Property({
    type: 'tsvector',
    columnType: 'tsvector',
    generated: "(to_tsvector('nuage_french', coalesce(title, '') || ' ' || coalesce(body, ''))) stored",
    hidden: true,
    lazy: true,
  })
  words?: unknown;
}
