import {
  Arg,
  Directive,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { connectionFromArray, Connection, LocalizedText, PageArgs, Caller, type Identity } from '@nuage/platform';
import { HISTORY_SUBJECT_LABELS, HistorySubject } from '@nuage/contracts';
import { IncidentReference, OrderReference, ProposalReference, ServiceRequest } from '../entities/index.js';
import { search, type SearchHitRow } from '../services/search.js';
import type { Context } from '../loaders.js';

/** One thing the search found, among what the caller may see. */
@ObjectType({ description: 'What the global search found: a file or one of its parts, with the file it belongs to.' })
export class SearchHit {
  @Field(() => ID, { description: 'The id of what was found (request, proposal, order, invoice, incident…).' })
  subjectId!: string;

  @Field(() => HistorySubject, { description: 'What it is.' })
  kind!: HistorySubject;

  @Field(() => String, { description: 'Its reference: file number, DC…, BS…, CC…, BL…, FA…, SAV-….' })
  reference!: string;

  @Field(() => [String], { description: "Every reference it is found by (an order: CC… and UGAP's)." })
  references!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Its title: the project of a request, the order of an incident…',
  })
  title!: string | null;

  @Field(() => Boolean, { description: 'Whether a reference matched exactly what was typed (those come first).' })
  exactMatch!: boolean;

  @Field(() => Float, {
    description: 'How well it matched: 3 an exact reference, 2 the start of one, below 1 by words.',
  })
  score!: number;

  @Field(() => ID, { nullable: true, description: 'The file (request) it belongs to.' })
  fileId!: string | null;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;

  /** The order it is or belongs to, if any. */
  orderId!: string | null;

  summaryFr!: string | null;
  summaryEn!: string | null;

  static of(row: SearchHitRow): SearchHit {
    return Object.assign(new SearchHit(), {
      subjectId: row.id,
      kind: row.subject_type,
      reference: row.reference,
      references: row.refs,
      title: row.title,
      exactMatch: row.exact,
      score: Number(row.rank),
      fileId: row.file_id,
      orderId:
        row.subject_type === HistorySubject.ORDER || row.subject_type === HistorySubject.ACTIVATION
          ? row.id
          : row.order_id,
      // Raw rows carry PostgreSQL's text of the instant.
      updatedAt: new Date(row.updated_at),
      summaryFr: row.summary_fr,
      summaryEn: row.summary_en,
    });
  }
}

const SearchHitConnection = Connection(SearchHit, 'SearchHit', 'search hit');

@Resolver(() => SearchHit)
export class SearchResolver {
  // A common word over 100,000 files takes 67 ms (`npm run bench -- search`), about 1,200 cost
  // points of 55 µs (`npm run bench -- costs`, 2026-12-01); an exact reference, about 240.
  @Directive('@cost(weight: 1000)')
  @Query(() => SearchHitConnection, {
    description:
      '"Recherche générale": a file number (168091-36), a proposal (DC…), subscription order (BS…), order (CC… or UGAP\'s reference), delivery (BL…), invoice (FA…), incident (SAV-…), or words of a project, a need or an incident (French, accents ignored). Exact references first, then references starting so, then words by relevance; only what the caller may see; 50 hits at most.',
  })
  search(
    @Arg('query', () => String, { description: 'What to look for.' }) query: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return search(context.em, caller, query).then((rows) => connectionFromArray(rows.map(SearchHit.of), page));
  }

  @FieldResolver(() => String, { description: "What it is, in the caller's language." })
  kindLabel(@Root() hit: SearchHit, @Ctx() { locale }: Context) {
    return HISTORY_SUBJECT_LABELS[hit.kind][locale];
  }

  @FieldResolver(() => String, { nullable: true, description: "Its latest step, in the caller's language." })
  summary(@Root() hit: SearchHit, @Ctx() { locale }: Context) {
    return locale === 'en' ? hit.summaryEn : hit.summaryFr;
  }

  @FieldResolver(() => LocalizedText, { nullable: true, description: 'Its latest step, in French and English.' })
  summaries(@Root() hit: SearchHit) {
    return hit.summaryFr && hit.summaryEn ? LocalizedText.of(hit.summaryFr, hit.summaryEn) : null;
  }

  @FieldResolver(() => ServiceRequest, { nullable: true, description: 'The file it belongs to.' })
  request(@Root() hit: SearchHit, @Ctx() context: Context) {
    return hit.fileId ? context.loaders.readableRequestById.load(hit.fileId) : null;
  }

  @FieldResolver(() => OrderReference, {
    nullable: true,
    description:
      'The order found, or the one what was found belongs to (subscription order, delivery, invoice, incident); resolved by the ordering subgraph.',
  })
  order(@Root() hit: SearchHit) {
    return hit.orderId ? OrderReference.of(hit.orderId) : null;
  }

  @FieldResolver(() => ProposalReference, {
    nullable: true,
    description: 'The proposal, when one was found (resolved by the ordering subgraph).',
  })
  proposal(@Root() hit: SearchHit) {
    return hit.kind === HistorySubject.PROPOSAL ? ProposalReference.of(hit.subjectId) : null;
  }

  @FieldResolver(() => IncidentReference, {
    nullable: true,
    description: 'The incident, when one was found (resolved by the incidents subgraph).',
  })
  incident(@Root() hit: SearchHit) {
    return hit.kind === HistorySubject.INCIDENT ? IncidentReference.of(hit.subjectId) : null;
  }
}
