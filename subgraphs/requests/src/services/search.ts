import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, invalid, isMarketWide, type Identity } from '@nuage/platform';
import { HistorySubject, Role, type HistoryRecorded } from '@nuage/contracts';
import type { HistoryEntry } from '@nuage/history';
import type { ServiceRequest } from '../entities/index.js';

/**
 * The global search ("Recherche générale: référence dossier, mots clés, commande, facture"): one
 * index of every file and its parts, fed by this subgraph's requests and by the history other
 * subgraphs publish, so one query searches them all.
 */

export interface SearchDocumentInput {
  id: string;
  subjectType: HistorySubject;
  /** Its own reference first, then any other it is found by. */
  references: [string, ...(string | null | undefined)[]];
  title?: string | null;
  body?: string | null;
  summary?: { fr: string; en: string } | null;
  fileId: string | null;
  orderId?: string | null;
  entityId: string | null;
  brandIds: string[];
}

const normalise = (reference: string) => reference.trim().toUpperCase();
/** A PostgreSQL text[] literal. */
const arrayLiteral = (values: string[]) => `{${values.map((v) => JSON.stringify(v)).join(',')}}`;

/**
 * Adds or updates what the search knows of a subject, in the caller's transaction. References
 * accumulate (an order gains UGAP's reference when validated); words and the latest step are replaced when given.
 */
export async function indexForSearch(em: EntityManager, doc: SearchDocumentInput): Promise<void> {
  const refs = [...new Set(doc.references.filter((r): r is string => !!r?.trim()).map(normalise))];
  await sql(
    em,
    `insert into search_document (id, subject_type, reference, refs, refs_text, title, body, summary_fr, summary_en, file_id, order_id, entity_id, brand_ids, updated_at)
     values (?, ?, ?, ?::text[], ' ' || array_to_string(?::text[], ' '), ?, ?, ?, ?, ?, ?, ?, ?::text[], now())
     on conflict (id) do update set
       refs = (select array_agg(distinct r) from unnest(search_document.refs || excluded.refs) as r),
       refs_text = (select ' ' || string_agg(distinct r, ' ') from unnest(search_document.refs || excluded.refs) as r),
       title = coalesce(excluded.title, search_document.title),
       body = coalesce(excluded.body, search_document.body),
       summary_fr = coalesce(excluded.summary_fr, search_document.summary_fr),
       summary_en = coalesce(excluded.summary_en, search_document.summary_en),
       order_id = coalesce(excluded.order_id, search_document.order_id),
       brand_ids = excluded.brand_ids,
       updated_at = now()`,
    [
      doc.id,
      doc.subjectType,
      doc.references[0],
      arrayLiteral(refs),
      arrayLiteral(refs),
      doc.title ?? null,
      doc.body ?? null,
      doc.summary?.fr ?? null,
      doc.summary?.en ?? null,
      doc.fileId,
      doc.orderId ?? null,
      doc.entityId,
      arrayLiteral(doc.brandIds),
    ],
    'run',
  );
}

/** A submitted request, by its file number, the buyer's own reference, its project and its need. */
export async function indexRequest(
  em: EntityManager,
  request: ServiceRequest,
  summary: { fr: string; en: string },
): Promise<void> {
  if (!request.fileNumber) return; // drafts are found in the buyer's list, not by the search
  await em.populate(request, ['project', 'solutions']);
  await indexForSearch(em, {
    id: request.id,
    subjectType: HistorySubject.REQUEST,
    references: [request.fileNumber, request.myReference],
    title: request.project.codeName,
    body: [request.project.shortDescription, request.needText].filter(Boolean).join('\n'),
    summary,
    fileId: request.id,
    entityId: request.entityId,
    brandIds: [...new Set([...request.solutions].map((s) => s.brandId))],
  });
}

/** A part of a file another subgraph recorded a step of. */
export function indexFromHistory(
  em: EntityManager,
  entry: Omit<HistoryEntry, 'at'>,
  search: HistoryRecorded['search'],
): Promise<void> {
  return indexForSearch(em, {
    id: entry.subjectId,
    subjectType: entry.subjectType,
    references: [entry.subjectReference, ...(search?.references ?? [])],
    title: search?.title,
    body: search?.text,
    summary: { fr: entry.summaryFr, en: entry.summaryEn },
    fileId: entry.fileId,
    orderId: search?.orderId ?? null,
    entityId: entry.entityId,
    brandIds: entry.brandId ? [entry.brandId] : [],
  });
}

export interface SearchHitRow {
  id: string;
  subject_type: HistorySubject;
  reference: string;
  refs: string[];
  title: string | null;
  summary_fr: string | null;
  summary_en: string | null;
  file_id: string | null;
  order_id: string | null;
  updated_at: string;
  exact: boolean;
  rank: number;
}

/** The most hits a search returns (pages of them through `first`/`after`). */
export const MAX_SEARCH_HITS = 50;
/** Words are ranked by relevance among this many of the latest documents that contain them. */
export const WORDS_RANKED_AMONG = 1_000;

/**
 * What the caller may see that matches: an exact reference first, then references that start
 * with what was typed, then words ranked by relevance (French stemming, accents ignored).
 */
export async function search(em: EntityManager, caller: Identity, text: string): Promise<SearchHitRow[]> {
  const query = text.trim();
  if (query.length < 2)
    throw invalid('query', {
      fr: 'Tapez au moins deux caractères : une référence ou des mots.',
      en: 'Type two characters at least: a reference or words.',
    });
  if (query.length > 200)
    throw invalid('query', {
      fr: 'Une recherche fait au plus 200 caractères.',
      en: 'A search is 200 characters at most.',
    });
  const visibility = isMarketWide(caller)
    ? { sql: 'true', params: [] as string[] }
    : caller.role === Role.SUPPLIER
      ? { sql: '? = any(d.brand_ids)', params: [caller.brandId!] }
      : caller.entityId
        ? { sql: 'd.entity_id = ?', params: [caller.entityId] }
        : { sql: 'false', params: [] };
  const reference = normalise(query);
  // Three searches, each served by its index (exact reference, reference start by trigrams, French
  // words), restricted to what the caller may see and to its own best hits, then merged: the best
  // score of each wins (the overall best are among each search's best, ties broken alike).
  // `offset 0` keeps a reference's few matches read from its own index, then sorted, rather than
  // the whole index of dates scanned newest first for them.
  const branch = (match: string, score: string) =>
    `(select * from (select d.id, ${score} as rank, d.updated_at from search_document d where ${match} and ${visibility.sql} offset 0) m
       order by 2 desc, m.updated_at desc, m.id limit ${MAX_SEARCH_HITS})`;
  const words = "websearch_to_tsquery('nuage_french', ?)";
  // Words are ranked among the latest documents that contain them: a common word is in tens of
  // thousands of documents, and ranking them all cost most of a search (PostgreSQL reads a rare
  // word's few documents from its index, a common word's latest ones newest first).
  const latestWithWords = `(select r.id, ts_rank_cd(r.words, ${words}, 32) as rank, r.updated_at
       from (select d.id, d.words, d.updated_at from search_document d where d.words @@ ${words} and ${visibility.sql}
              order by d.updated_at desc, d.id desc limit ${WORDS_RANKED_AMONG}) r
      order by 2 desc, r.updated_at desc, r.id limit ${MAX_SEARCH_HITS})`;
  return sql<SearchHitRow[]>(
    em,
    `with matched as (
       ${branch('d.refs @> array[?::text]', '3')}
       union all ${branch('d.refs_text like ?', '2')}
       union all ${latestWithWords}
     ),
     best as (select id, max(rank) as rank from matched group by id)
     select d.id, d.subject_type, d.reference, d.refs, d.title, d.summary_fr, d.summary_en, d.file_id, d.order_id, d.updated_at, best.rank = 3 as exact, best.rank
       from best join search_document d on d.id = best.id
      order by best.rank desc, d.updated_at desc, d.id
      limit ?`,
    [
      reference,
      ...visibility.params,
      // a reference's start, from four characters (shorter would match too much)
      reference.length >= 4 ? `% ${reference.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '',
      ...visibility.params,
      query,
      query,
      ...visibility.params,
      MAX_SEARCH_HITS,
    ],
  );
}
