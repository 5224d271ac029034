import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '@nuage/platform';
import { Question, QuestionOption } from '../entities/index.js';
import type { Candidate, CandidateBrand } from './evaluation.js';

export interface QuestionnaireEntry {
  question: Question;
  options: QuestionOption[];
}

/** The questionnaire in order, with each question's options in order (two statements). */
export async function loadQuestionnaire(
  em: EntityManager,
  { includeRetired = false } = {},
): Promise<QuestionnaireEntry[]> {
  const [questions, options] = await Promise.all([
    em.find(Question, {}, { orderBy: { position: 'asc', id: 'asc' } }),
    em.find(QuestionOption, includeRetired ? {} : { retiredAt: null }, { orderBy: { position: 'asc', id: 'asc' } }),
  ]);
  return questions.map((question) => ({ question, options: options.filter((o) => o.question.id === question.id) }));
}

/** A certification of an offer over its validity (ISO days; null: open-ended). */
interface Held {
  code: string;
  validFrom: string | null;
  validTo: string | null;
}

/** What the guided choice reads of the catalogue, whatever the answers and the day. */
export interface CatalogueSnapshot {
  questionnaire: QuestionnaireEntry[];
  brandNames: Map<string, string>;
  /** Every offered solution with its brand and certifications, in listing order (brand, then solution name). */
  offers: { brand: CandidateBrand; solution: Candidate['solution']; held: Held[] }[];
  /** The candidates of the latest days and certifications asked for (see `candidatesOn`). */
  candidates: Map<string, Candidate[]>;
}

const collator = new Intl.Collator('fr');

async function loadSnapshot(em: EntityManager): Promise<CatalogueSnapshot> {
  const [questionnaire, brands, solutions, certifications] = await Promise.all([
    loadQuestionnaire(em),
    sql<
      { id: string; name: string; legal_country: string; extra_eu_legislation: boolean | null; services: string[] }[]
    >(em, 'select id, name, legal_country, extra_eu_legislation, services from brand'),
    sql<{ id: string; brand_id: string; name: string; service_categories: string[] }[]>(
      em,
      'select id, brand_id, name, service_categories from solution where retired_at is null',
    ),
    sql<{ solution_id: string; code: string; valid_from: string | null; valid_to: string | null }[]>(
      em,
      `select solution_id, code, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to
         from certification`,
    ),
  ]);
  const brandById = new Map<string, CandidateBrand>(
    brands.map((b) => [
      b.id,
      {
        id: b.id,
        name: b.name,
        legalCountry: b.legal_country,
        extraEuLegislation: b.extra_eu_legislation,
        services: b.services,
      },
    ]),
  );
  const heldBy = new Map<string, Held[]>();
  for (const row of certifications) {
    const held = heldBy.get(row.solution_id) ?? [];
    held.push({ code: row.code, validFrom: row.valid_from, validTo: row.valid_to });
    heldBy.set(row.solution_id, held);
  }
  const offers = solutions.map((s) => ({
    brand: brandById.get(s.brand_id)!,
    solution: { id: s.id, name: s.name, serviceCategories: s.service_categories },
    held: heldBy.get(s.id) ?? [],
  }));
  // Sorted once per version: comparing names with the French collation was most of an evaluation.
  offers.sort(
    (a, b) => collator.compare(a.brand.name, b.brand.name) || collator.compare(a.solution.name, b.solution.name),
  );
  return { questionnaire, brandNames: new Map(brands.map((b) => [b.id, b.name])), offers, candidates: new Map() };
}

/** Per database (its ORM's configuration), the snapshot of the last version read. */
const snapshots = new WeakMap<object, { version: string; snapshot: Promise<CatalogueSnapshot> }>();

/**
 * The catalogue as the guided choice reads it, kept in memory while its version stays the same:
 * PostgreSQL's triggers move the version with every write to brands, solutions, certifications or
 * the questionnaire, whoever makes it (this replica, another, a migration), so one small statement
 * tells whether the snapshot still holds. A snapshot read while a change commits is stored under
 * the version read before it, and is read again at the next call.
 */
export async function catalogueSnapshot(em: EntityManager): Promise<CatalogueSnapshot> {
  const [row] = await sql<{ version: string }[]>(em, 'select version from catalogue_version where id = 1');
  const version = row!.version;
  let cached = snapshots.get(em.config);
  if (cached?.version !== version) {
    const snapshot = loadSnapshot(em.fork());
    cached = { version, snapshot };
    snapshots.set(em.config, cached);
    snapshot.catch(() => {
      if (snapshots.get(em.config)?.snapshot === snapshot) snapshots.delete(em.config);
    });
  }
  return cached.snapshot;
}

/** How many lists of candidates a snapshot keeps (the latest days and certifications asked for). */
const KEPT_CANDIDATE_LISTS = 16;

/**
 * The offers as candidates on `asOf`, with the certifications among `codes` each holds that day
 * (its first day of the period held, or null when held from before any record).
 */
export function candidatesOn(snapshot: CatalogueSnapshot, asOf: string, codes: string[]): Candidate[] {
  // Most evaluations ask for today and a few certifications: the latest such lists are kept with
  // the snapshot (and go with it when the catalogue changes).
  const key = `${asOf} ${[...new Set(codes)].sort().join(' ')}`;
  let candidates = snapshot.candidates.get(key);
  if (!candidates) {
    candidates = heldOn(snapshot, asOf, new Set(codes));
    if (snapshot.candidates.size >= KEPT_CANDIDATE_LISTS)
      snapshot.candidates.delete(snapshot.candidates.keys().next().value!);
    snapshot.candidates.set(key, candidates);
  }
  return candidates;
}

function heldOn(snapshot: CatalogueSnapshot, asOf: string, wanted: Set<string>): Candidate[] {
  return snapshot.offers.map(({ brand, solution, held }) => {
    const certifications = new Map<string, string | null>();
    for (const { code, validFrom, validTo } of held) {
      if (!wanted.has(code) || (validFrom !== null && validFrom > asOf) || (validTo !== null && validTo < asOf))
        continue;
      const since = certifications.get(code);
      // Held from before any record (null) wins; otherwise the earliest first day.
      if (since === null) continue;
      if (since === undefined || validFrom === null || validFrom < since) certifications.set(code, validFrom);
    }
    return { brand, solution, certifications };
  });
}
