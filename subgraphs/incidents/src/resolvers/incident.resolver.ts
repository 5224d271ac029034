import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import {
  available,
  Connection,
  CountPayload,
  LocalDate,
  LocalizedText,
  MutationPayload,
  PageArgs,
  pick,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import {
  Document,
  markMessagesRead,
  Message,
  MessageAudience,
  MessageCount,
  threadDocuments,
  threadMessages,
} from '@nuage/threads';
import {
  BrandReference,
  Incident,
  IncidentStatus,
  IncidentType,
  INCIDENT_STATUS_LABELS,
  OrderReference,
} from '../entities/index.js';
import {
  declare,
  incidentThread,
  listIncidents,
  move,
  postIncidentMessage,
  statistics,
} from '../services/incidents.js';
import { incidentsFor } from '../services/access.js';
import { INCIDENT_LIFECYCLE, IncidentTransition } from '../services/incident-lifecycle.js';
import type { Context } from '../loaders.js';

const IncidentConnection = Connection(Incident, 'Incident', 'incident');
const IncidentPayload = MutationPayload(Incident, 'IncidentPayload', 'incident', 'incident');

registerEnumType(IncidentTransition, {
  name: 'IncidentTransition',
  description: "A step of an incident's lifecycle, taken with `moveIncident`.",
  valuesConfig: {
    TAKE_IN_CHARGE: { description: 'Prendre en charge / take in charge (market holder, supplier).' },
    ASK_BENEFICIARY: {
      description: 'Demander une information au bénéficiaire / ask the beneficiary (market holder, supplier).',
    },
    ANSWER: { description: 'Répondre / answer (beneficiary).' },
    RESOLVE: { description: 'Résoudre / resolve (market holder, supplier).' },
    CONFIRM: { description: 'Confirmer la résolution : clôture / confirm the resolution: closed (beneficiary).' },
    REOPEN: { description: 'Rouvrir / reopen (beneficiary).' },
    REJECT: { description: 'Rejeter / reject (market holder).' },
  },
});

@InputType({ description: '"Déclarer un litige" on an order.' })
class DeclareIncidentInput {
  @Field(() => ID, { description: 'The order.' })
  orderId!: string;

  @Field(() => String, { description: 'Code of the incident type (`incidentTypes`).' })
  typeCode!: string;

  @Field(() => String, { description: 'What is wrong.' })
  description!: string;

  @Field(() => [ID], { nullable: true, description: 'Uploaded files (POST /uploads/incidents/documents) to attach.' })
  attachmentIds?: string[];
}

@InputType({ description: 'A message on an incident.' })
class PostIncidentMessageInput {
  @Field(() => ID, { description: 'The incident.' })
  incidentId!: string;

  @Field(() => MessageAudience, { description: "The market holder, or the order's brand." })
  audience!: MessageAudience;

  @Field(() => ID, { nullable: true, description: "With audience BRAND (buyer or market holder): the order's brand." })
  brandId?: string;

  @Field(() => String, { description: 'The text.' })
  body!: string;

  @Field(() => [ID], { nullable: true, description: 'Uploaded files to attach.' })
  attachmentIds?: string[];
}

const MessagePayload = MutationPayload(Message, 'IncidentMessagePayload', 'message', 'message');
const MessagesReadPayload = CountPayload('IncidentMessagesReadPayload', 'messages were marked read');

@InputType({ description: 'Narrows the list of incidents.' })
class IncidentFilter {
  @Field(() => [IncidentStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: IncidentStatus[];

  @Field(() => String, { nullable: true, description: 'Only this type.' })
  typeCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only on this order.' })
  orderId?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Declared on or after this day.' })
  from?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Declared on or before this day.' })
  to?: string;
}

@ObjectType({ description: 'Incidents of one brand and type, with their mean handling times.' })
class IncidentStatistics {
  @Field(() => BrandReference, { description: 'The brand.' })
  brand!: BrandReference;

  @Field(() => String, { description: 'Type code.' })
  typeCode!: string;

  @Field(() => Int, { description: 'How many incidents.' })
  incidents!: number;

  @Field(() => Int, { description: 'How many are still open.' })
  open!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from declaration to the first answer (a duration, not money).',
  })
  hoursToFirstAnswer!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean hours from declaration to resolution.' })
  hoursToResolution!: number | null;
}

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, {
    nullable: true,
    description: 'One incident the caller may read (null with a NOT_FOUND error otherwise).',
  })
  incident(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return incidentsFor(context.em, caller).get(id);
  }

  @Query(() => IncidentConnection, { description: '"Incidents": those the caller may read, latest first.' })
  incidents(
    @Arg('filter', () => IncidentFilter, { nullable: true, description: 'Criteria that must all hold.' }) filter:
      | IncidentFilter
      | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listIncidents(context.em, caller, { ...filter }, page);
  }

  @Query(() => [IncidentStatistics], {
    nullable: true,
    description:
      'Per brand and type: incidents, open ones, mean time to first answer and to resolution (market holder, UGAP and analysts; null with FORBIDDEN for others).',
  })
  async incidentStatistics(@Ctx() context: Context, @Caller() caller: Identity) {
    return (await statistics(context.em, caller)).map((row) => ({
      ...row,
      brand: BrandReference.of(row.brandId),
    }));
  }

  @Mutation(() => IncidentPayload, {
    description: '"Déclarer un litige": declares an incident on an order of your entity.',
  })
  declareIncident(
    @Arg('input', () => DeclareIncidentInput, { description: 'The order, the type, what is wrong.' })
    input: DeclareIncidentInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return declare(context.em, caller, input).then(succeeded);
  }

  @Mutation(() => IncidentPayload, {
    description: 'Moves an incident along, by the role that owns the step; dated and kept in its history.',
  })
  moveIncident(
    @Arg('id', () => ID, { description: 'The incident.' }) id: string,
    @Arg('transition', () => IncidentTransition, { description: 'The step.' }) transition: IncidentTransition,
    @Arg('comment', () => String, {
      nullable: true,
      description: 'Why (required to reject, reopen or ask the beneficiary).',
    })
    comment: string | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return move(context.em, caller, id, transition, comment).then(succeeded);
  }

  @Mutation(() => MessagePayload, { description: 'Writes a message on an incident.' })
  postIncidentMessage(
    @Arg('input', () => PostIncidentMessageInput, { description: 'The message.' }) input: PostIncidentMessageInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { incidentId, ...message } = input;
    return postIncidentMessage(context.em, caller, { subjectId: incidentId, ...message }).then(succeeded);
  }

  @Mutation(() => MessagesReadPayload, {
    description: "Marks the incident's messages read for the caller; gives how many were unread.",
  })
  markIncidentMessagesRead(
    @Arg('incidentId', () => ID, { description: 'The incident.' }) incidentId: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return markMessagesRead(context.em, incidentThread, caller, incidentId).then(succeeded);
  }

  @FieldResolver(() => [Message], { description: 'The messages the caller sees, oldest first.' })
  async messages(@Root() incident: Incident, @Ctx() context: Context, @Caller() caller: Identity) {
    return threadMessages(context.loaders, caller, incident.id);
  }

  @FieldResolver(() => MessageCount, {
    description: 'How many messages the caller sees, and how many they have not read.',
  })
  messageCount(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return loaders.messageCounts.load(incident.id);
  }

  @FieldResolver(() => [Document], {
    description: 'Its files: those of the declaration and of the messages the caller sees.',
  })
  async documents(@Root() incident: Incident, @Ctx() context: Context, @Caller() caller: Identity) {
    return threadDocuments(context.loaders, caller, incident.id);
  }

  @FieldResolver(() => String, { description: "Status in the caller's language." })
  statusLabel(@Root() incident: Incident, @Ctx() { locale }: Context) {
    return pick(INCIDENT_STATUS_LABELS[incident.status], locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'Status in French and English.' })
  statusLabels(@Root() incident: Incident) {
    const label = INCIDENT_STATUS_LABELS[incident.status];
    return LocalizedText.of(label.fr, label.en);
  }

  @FieldResolver(() => LocalizedText, {
    description: 'The confirmation the declarant reads ("Merci ! Votre déclaration SAV-10498 a bien été envoyée…").',
  })
  confirmation(@Root() incident: Incident) {
    return LocalizedText.of(
      `Merci ! Votre déclaration ${incident.number} a bien été envoyée. Nous allons la traiter rapidement, les informations seront mises à jour dans la rubrique Incidents.`,
      `Thank you! Your declaration ${incident.number} has been sent. It will be handled shortly; updates will appear under Incidents.`,
    );
  }

  @FieldResolver(() => IncidentType, { nullable: true, description: 'Its type.' })
  type(@Root() incident: Incident, @Ctx() { loaders }: Context) {
    return loaders.typeByCode.load(incident.typeCode);
  }

  @FieldResolver(() => [IncidentTransition], {
    description: 'The steps the caller may take now, each with `moveIncident(transition: …)`.',
  })
  availableActions(@Root() incident: Incident, @Caller() caller: Identity): IncidentTransition[] {
    return available(INCIDENT_LIFECYCLE, incident.status, caller.role);
  }

  @FieldResolver(() => Date, { description: 'When it was declared.' })
  declaredAt(@Root() incident: Incident) {
    return incident.createdAt;
  }

  @FieldResolver(() => OrderReference, {
    description: 'The order, with its status and amounts (resolved by the ordering subgraph).',
  })
  order(@Root() incident: Incident) {
    return OrderReference.of(incident.orderId);
  }
}

/** What this subgraph adds to an order. */
@Resolver(() => OrderReference)
export class OrderIncidentsResolver {
  @FieldResolver(() => [Incident], { description: 'Incidents declared on it that the caller may read, latest first.' })
  incidents(@Root() order: OrderReference, @Ctx() { loaders }: Context) {
    return loaders.incidentsByOrder.load(order.id);
  }

  @FieldResolver(() => Int, { description: 'How many of them are open.' })
  async openIncidentCount(@Root() order: OrderReference, @Ctx() { loaders }: Context) {
    return (await loaders.incidentsByOrder.load(order.id)).filter(
      (i) => i.status !== IncidentStatus.CLOSED && i.status !== IncidentStatus.REJECTED,
    ).length;
  }
}
