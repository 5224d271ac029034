import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { HistorySubject } from '@nuage/contracts';
import { Caller, Connection, LocalizedText, PageArgs, type Identity } from '@nuage/platform';
import {
  EVENT_TYPE_LABELS,
  EventType,
  FeedEvent,
  IncidentReference,
  InvoiceReference,
  OrderReference,
  ProposalReference,
  ServiceRequest,
} from '../entities/index.js';
import { listEvents } from '../services/feed.js';
import type { Context } from '../loaders.js';

const EventConnection = Connection(FeedEvent, 'Event', 'event');
const ORDER_SUBJECTS = new Set<string>([HistorySubject.ORDER, HistorySubject.ACTIVATION]);

@Resolver(() => FeedEvent)
export class EventResolver {
  @Query(() => EventConnection, {
    nullable: true,
    description:
      "What happened that the caller may see (a supplier, its brand's; a buyer, its entity's; UGAP, the market holder and analysts, the market's), oldest first: poll with `after` set to the last `endCursor` read. Kept 90 days.",
  })
  events(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('types', () => [EventType], { nullable: true, description: 'Only these types (all when not given).' })
    types: EventType[] | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listEvents(context.em, caller, types ?? undefined, page);
  }

  @FieldResolver(() => Date, { description: 'When it happened.' })
  occurredAt(@Root() event: FeedEvent) {
    return event.createdAt;
  }

  @FieldResolver(() => String, { description: "Its type, in the caller's language." })
  typeLabel(@Root() event: FeedEvent, @Ctx() { locale }: Context) {
    return EVENT_TYPE_LABELS[event.type][locale];
  }

  @FieldResolver(() => String, { description: "What happened, in the caller's language." })
  summary(@Root() event: FeedEvent, @Ctx() { locale }: Context) {
    return locale === 'en' ? event.summaryEn : event.summaryFr;
  }

  @FieldResolver(() => LocalizedText, { description: 'What happened, in French and English.' })
  summaries(@Root() event: FeedEvent) {
    return LocalizedText.of(event.summaryFr, event.summaryEn);
  }

  @FieldResolver(() => ServiceRequest, {
    nullable: true,
    description: 'The file (request) it belongs to, if the caller may read it.',
  })
  request(@Root() event: FeedEvent, @Ctx() context: Context) {
    return event.fileId ? context.loaders.readableRequestById.load(event.fileId) : null;
  }

  @FieldResolver(() => OrderReference, {
    nullable: true,
    description: 'The order it is about or belongs to (resolved by the ordering subgraph, with its rights).',
  })
  order(@Root() event: FeedEvent) {
    const id = event.orderId ?? (event.subjectType && ORDER_SUBJECTS.has(event.subjectType) ? event.subjectId : null);
    return id ? OrderReference.of(id) : null;
  }

  @FieldResolver(() => ProposalReference, { nullable: true, description: 'The proposal it is about.' })
  proposal(@Root() event: FeedEvent) {
    return event.subjectType === HistorySubject.PROPOSAL && event.subjectId
      ? ProposalReference.of(event.subjectId)
      : null;
  }

  @FieldResolver(() => IncidentReference, { nullable: true, description: 'The incident it is about.' })
  incident(@Root() event: FeedEvent) {
    return event.subjectType === HistorySubject.INCIDENT && event.subjectId
      ? IncidentReference.of(event.subjectId)
      : null;
  }

  @FieldResolver(() => InvoiceReference, { nullable: true, description: 'The invoice it is about.' })
  invoice(@Root() event: FeedEvent) {
    return event.subjectType === HistorySubject.INVOICE && event.subjectId
      ? InvoiceReference.of(event.subjectId)
      : null;
  }
}
