import type { EntityManager } from '@mikro-orm/postgresql';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import {
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
  type ClassType,
} from 'type-graphql';
import { type Identity, loaderByParent, LocalizedText, publish, type SubgraphContext } from '@nuage/platform';
import {
  type FileStep,
  HISTORY_SUBJECT_LABELS,
  TOPICS,
  type HistoryRecorded,
  type HistorySearchTerms,
  HistorySubject,
  type Locale,
} from '@nuage/contracts';

/**
 * History, written once for every subgraph: each records the state changes and significant edits
 * of what it owns, in the same transaction as the change, in its own append-only
 * `history_entry` table (a trigger, declared on the entity, refuses UPDATE and DELETE). Entries that belong to a file (a
 * request) are also published, so the requests subgraph can serve the file's whole timeline.
 */

registerEnumType(HistorySubject, {
  name: 'HistorySubject',
  description: 'What a history entry is about.',
  valuesConfig: Object.fromEntries(
    Object.entries(HISTORY_SUBJECT_LABELS).map(([key, label]) => [key, { description: `${label.fr} / ${label.en}` }]),
  ),
});

/** One field an edit changed. */
@Directive('@shareable')
@ObjectType({ description: 'A field an edit changed, with its value before and after.' })
export class FieldChange {
  @Field(() => String, { description: 'The field, by its GraphQL name (e.g. "myReference", "lines").' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value before, as text; null when there was none.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as text; null when removed.' })
  to!: string | null;
}

/** One recorded step: who did what, when, from which state to which, why, and what changed. Never changed. */
@Directive('@shareable')
@ObjectType({
  description:
    'A step of the history of a request, proposal, subscription order, order, delivery, activation, invoice or incident. Append-only: never edited or deleted.',
})
@Entity({
  tableName: 'history_entry',
  // Append-only, whoever connects: the database itself refuses to edit or delete an entry.
  triggers: [
    {
      name: 'history_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception 'history entries are never edited or deleted';",
    },
  ],
})
@Index({ properties: ['subjectId', 'at'] })
@Index({ properties: ['fileId', 'at'] })
export class HistoryEntry {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When it happened.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => HistorySubject, { description: 'What it is about.' })
  @Enum({ items: () => HistorySubject, nativeEnumName: 'history_subject' })
  subjectType!: HistorySubject;

  @Field(() => ID, { description: 'The id of what it is about.' })
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => String, { description: 'Its reference people read: file number, DC…, BS…, CC…, BL…, FA…, SAV-….' })
  @Property({ type: 'string' })
  subjectReference!: string;

  @Field(() => ID, { nullable: true, description: 'The request (file) it belongs to, when there is one.' })
  @Property({ type: 'uuid', nullable: true })
  fileId!: string | null;

  /** The buying entity concerned: who may read it besides the market. */
  @Property({ type: 'uuid', nullable: true })
  entityId!: string | null;

  /** The one brand concerned, if any: a supplier reads only its own brand's entries of a file. */
  @Property({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it (person id); null for the system.' })
  @Property({ type: 'string', nullable: true })
  actorId!: string | null;

  @Field(() => String, { description: 'Who did it, by name ("Système" for the system).' })
  @Property({ type: 'string' })
  actorName!: string;

  @Field(() => String, {
    description:
      'In which role: BENEFICIARY, MANAGER, SUPPLIER, UGAP, MARKET_HOLDER, ANALYST, or SYSTEM (an event from another subgraph).',
  })
  @Property({ type: 'string' })
  actorRole!: string;

  @Field(() => String, {
    description: 'What was done: a lifecycle transition ("approve", "validate"…), "create" or "edit".',
  })
  @Property({ type: 'string' })
  action!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The state before; null when it was created or the state did not change.',
  })
  @Property({ type: 'string', nullable: true })
  fromStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'The state after; null when the state did not change.' })
  @Property({ type: 'string', nullable: true })
  toStatus!: string | null;

  @Property({ type: 'text' })
  summaryFr!: string;

  @Property({ type: 'text' })
  summaryEn!: string;

  @Field(() => String, { nullable: true, description: 'Why, as written (comment or reason).' })
  @Property({ type: 'text', nullable: true })
  comment!: string | null;

  @Field(() => [FieldChange], { description: 'What an edit changed (empty for a transition without edits).' })
  @Property({ type: 'json' })
  changes: FieldChange[] = [];

  /** The subgraph that recorded it (the requests subgraph also keeps copies for file timelines). */
  @Property({ type: 'string' })
  source!: string;
}

@Resolver(() => HistoryEntry)
export class HistoryEntryFields {
  @FieldResolver(() => String, { description: "What happened, in a sentence, in the caller's language." })
  summary(@Root() entry: HistoryEntry, @Ctx() { locale }: { locale: Locale }) {
    return locale === 'en' ? entry.summaryEn : entry.summaryFr;
  }

  @FieldResolver(() => LocalizedText, { description: 'What happened, in French and English.' })
  summaries(@Root() entry: HistoryEntry) {
    return LocalizedText.of(entry.summaryFr, entry.summaryEn);
  }
}

/** A state, with its name in both languages. */
export interface LabelledStatus {
  status: string;
  label: { fr: string; en: string };
}

export interface HistoryRecord {
  subjectType: HistorySubject;
  subjectId: string;
  subjectReference: string;
  fileId?: string | null;
  entityId?: string | null;
  brandId?: string | null;
  /** A person, or the system acting on another subgraph's event. */
  actor: Identity | 'SYSTEM';
  action: string;
  /** The published name of the step, when other subgraphs react to it (notifications…). */
  step?: FileStep;
  from?: LabelledStatus | null;
  to?: LabelledStatus | null;
  comment?: string | null;
  changes?: FieldChange[];
  /** The sentence people read, when the default (subject, reference, states) says too little. */
  summary?: { fr: string; en: string };
  /** Words and other references the file search should find this subject by, and the order it belongs to (see the search). */
  search?: HistorySearchTerms;
}

function describe(record: HistoryRecord): { fr: string; en: string } {
  if (record.summary) return record.summary;
  const subject = HISTORY_SUBJECT_LABELS[record.subjectType];
  const what = { fr: `${subject.fr} ${record.subjectReference}`, en: `${subject.en} ${record.subjectReference}` };
  if (record.to && record.from && record.from.status !== record.to.status)
    return {
      fr: `${what.fr} : ${record.from.label.fr} → ${record.to.label.fr}`,
      en: `${what.en}: ${record.from.label.en} → ${record.to.label.en}`,
    };
  if (record.to && !record.from)
    return { fr: `${what.fr} : ${record.to.label.fr}`, en: `${what.en}: ${record.to.label.en}` };
  return { fr: `${what.fr} modifié(e)`, en: `${what.en} edited` };
}

/** Who records: the subgraph's name, and whether it keeps the files' whole timelines itself (it then publishes nothing). */
export interface HistorySource {
  name: string;
  keepsFileTimelines?: boolean;
}

/**
 * Records a step in the caller's transaction (flushed with the change it describes) and, when it
 * belongs to a file, publishes it for the file's timeline.
 */
export function recordHistory(em: EntityManager, source: HistorySource, record: HistoryRecord): HistoryEntry {
  const summary = describe(record);
  const actor = record.actor === 'SYSTEM' ? null : record.actor;
  // A step that leaves the state as it was (an edit, a partial delivery) records no transition.
  const moved = !(record.from && record.to && record.from.status === record.to.status);
  const entry = Object.assign(new HistoryEntry(), {
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    subjectReference: record.subjectReference,
    fileId: record.fileId ?? null,
    entityId: record.entityId ?? null,
    brandId: record.brandId ?? null,
    actorId: actor?.userId ?? null,
    actorName: actor?.name ?? 'Système',
    actorRole: actor?.role ?? 'SYSTEM',
    action: record.action,
    fromStatus: moved ? (record.from?.status ?? null) : null,
    toStatus: moved ? (record.to?.status ?? null) : null,
    summaryFr: summary.fr,
    summaryEn: summary.en,
    comment: record.comment?.trim() || null,
    changes: record.changes ?? [],
    source: source.name,
  });
  em.persist(entry);
  if (entry.fileId && !source.keepsFileTimelines) {
    const recorded: HistoryRecorded = {
      entry: { ...entry, at: entry.at.toISOString(), step: record.step ?? null },
      search: record.search,
    };
    publish(em, TOPICS.historyRecorded, { ...recorded });
  }
  return entry;
}

/** Keeps the copy of another subgraph's entry for its file's timeline (in the consumer's transaction). */
export function keepTimelineCopy(em: EntityManager, recorded: HistoryRecorded): HistoryEntry {
  const { step: _, ...copied } = recorded.entry;
  const entry = Object.assign(new HistoryEntry(), { ...copied, at: new Date(copied.at) });
  em.persist(entry);
  return entry;
}

/** What changed between two versions of some fields (values compared as text). */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const text = (value: unknown) =>
    value === null || value === undefined || value === ''
      ? null
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return Object.keys(after)
    .map((field) => Object.assign(new FieldChange(), { field, from: text(before[field]), to: text(after[field]) }))
    .filter((change) => change.from !== change.to);
}

const historyLoaders = new WeakMap<object, ReturnType<typeof loaderByParent<HistoryEntry>>>();

/** A subject's entries, oldest first, loaded for a whole page of subjects in one statement (one loader per request). */
export function historyOf(context: SubgraphContext, subjectId: string): Promise<HistoryEntry[]> {
  let loader = historyLoaders.get(context);
  if (!loader) {
    loader = loaderByParent(context.em, HistoryEntry, 'subjectId', { at: 'asc', id: 'asc' });
    historyLoaders.set(context, loader);
  }
  return loader.load(subjectId);
}

/**
 * The `history` field of a type whose rows the caller has already been allowed to read: add the
 * returned class to the subgraph's resolvers.
 */
export function HistoryField<T extends { id: string }>(type: ClassType<T>, noun: string) {
  @Resolver(() => type)
  class HistoryFieldResolver {
    @FieldResolver(() => [HistoryEntry], {
      description: `Every state change and significant edit of the ${noun}, oldest first: who (person and role), when, from which state to which, why, what changed.`,
    })
    history(@Root() subject: T, @Ctx() context: SubgraphContext) {
      return historyOf(context, subject.id);
    }
  }
  return HistoryFieldResolver;
}
