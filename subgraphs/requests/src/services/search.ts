import type { EntityManager } from '@mikro-orm/postgresql';
import { HistorySubject, invalid, isMarketWide, Role, type HistoryEntry, type HistoryRecorded, type Identity } from '@nuage/shared';
import type { ServiceRequest } from '../entities';

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
  entityId: string | null;
  brandIds: string[];
}

const normalise = (reference: string) => reference.trim().toUpperCase();

/**
 * Adds or updates what the search knows of a subject, in the caller's transaction. References
 * accumulate (an order gains UGAP's reference when validated); words and the latest step are replaced when given.
 */
export async function indexForSearch(em: EntityManager, doc: SearchDocumentInput): Promise<void> {
  const refs = [...new Set(doc.references.filter((r): r is string => !!r?.trim()).map(normalise))];
  await em.getConnection().execute(
    `insert into search_document (id, subject_type, reference, refs, title, body, summary_fr, summary_en, file_id, entity_id, brand_ids, updated_at)
     values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?::text[], now())
     on conflict (id) do update set
       refs = (select array_agg(distinct r) from unnest(search_document.refs || excluded.refs) as r),
       title = coalesce(excluded.title, search_document.title),
       body = coalesce(excluded.body, search_document.body),
       summary_fr = coalesce(excluded.summary_fr, search_document.summary_fr),
       summary_en = coalesce(excluded.summary_en, search_document.summary_en),
       brand_ids = excluded.brand_ids,
       updated_at = now()`,
    [doc.id, doc.subjectType, doc.references[0], `{${refs.map((r) => JSON.stringify(r)).join(',')}}`, doc.title ?? null, doc.body ?? null, doc.summary?.fr ?? null, doc.summary?.en ?? null, doc.fileId, doc.entityId, `{${doc.brandIds.join(',')}}`],
    'run',
    em.getTransactionContext(),
  );
}

/** A submitted request, by its file number, the buyer's own reference, its project and its need. */
export async function indexRequest(em: EntityManager, request: ServiceRequest, summary: { fr: string; en: string }): Promise<void> {
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
export function indexFromHistory(em: EntityManager, entry: Omit<HistoryEntry, 'at'>, search: HistoryRecorded['search']): Promise<void> {
  return indexForSearch(em, {
    id: entry.subjectId,
    subjectType: entry.subjectType,
    references: [entry.subjectReference, ...(search?.references ?? [])],
    title: search?.title,
    body: search?.text,
    summary: { fr: entry.summaryFr, en: entry.summaryEn },
    fileId: entry.fileId,
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
  updated_at: Date;
  exact: boolean;
  rank: number;
}

/** The most hits a search returns (pages of them through `first`/`after`). */
export const MAX_SEARCH_HITS = 50;

/**
 * What the caller may see that matches: an exact reference first, then references that start
 * with what was typed, then words ranked by relevance (French stemming, accents ignored).
 */
export async function search(em: EntityManager, caller: Identity, text: string): Promise<SearchHitRow[]> {
  const query = text.trim();
  if (query.length < 2) throw invalid('query', 'Type two characters at least: a reference or words.');
  if (query.length > 200) throw invalid('query', 'A search is 200 characters at most.');
  const visibility = isMarketWide(caller)
    ? { sql: 'true', params: [] as string[] }
    : caller.role === Role.SUPPLIER
      ? { sql: '? = any(d.brand_ids)', params: [caller.brandId!] }
      : caller.entityId
        ? { sql: 'd.entity_id = ?', params: [caller.entityId] }
        : { sql: 'false', params: [] };
  const reference = normalise(query);
  return em.getConnection().execute<SearchHitRow[]>(
    `with q as (select ?::text as ref, ?::text as prefix, websearch_to_tsquery('nuage_french', ?) as words)
     select d.id, d.subject_type, d.reference, d.refs, d.title, d.summary_fr, d.summary_en, d.file_id, d.updated_at,
            d.refs @> array[q.ref] as exact,
            case when d.refs @> array[q.ref] then 3
                 when exists (select 1 from unnest(d.refs) r where r like q.prefix) then 2
                 else ts_rank_cd(d.words, q.words, 32) end as rank
       from search_document d, q
      where (d.refs @> array[q.ref] or d.words @@ q.words or (length(q.ref) >= 4 and exists (select 1 from unnest(d.refs) r where r like q.prefix)))
        and ${visibility.sql}
      order by rank desc, d.updated_at desc, d.id
      limit ?`,
    [reference, `${reference.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, query, ...visibility.params, MAX_SEARCH_HITS],
  );
}
