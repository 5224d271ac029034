import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Connection,
  LocalizedText,
  MutationPayload,
  PageArgs,
  pick,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import { Document, Message, MessageCount, threadDocuments, threadMessages } from '@nuage/threads';
import { Role } from '@nuage/contracts';
import {
  BeneficiaryEntity,
  GuidedChoiceReference,
  Project,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  RequestItem,
  RequestSolution,
  ServiceRequest,
} from '../entities/index.js';
import {
  cancel,
  close,
  createDraft,
  listRequests,
  setMyReference,
  submit,
  updateDraft,
  type DraftInput,
} from '../services/requests.js';
import { requestActionsOf, requestsFor } from '../services/access.js';
import { RequestAction } from '../services/request-lifecycle.js';
import type { Context } from '../loaders.js';
import { CreateRequestDraftInput, RequestDraftChanges, RequestFilter } from './request.types.js';

const RequestConnection = Connection(ServiceRequest, 'Request', 'request');
const RequestPayload = MutationPayload(ServiceRequest, 'RequestPayload', 'request', 'request');

/** The GraphQL input as the service takes it (decimals as exact strings). */
const draftInput = (input: RequestDraftChanges): DraftInput => ({
  ...input,
  items: input.items?.map((item) => ({ ...item, quantity: item.quantity.toFixed() })),
});

@Resolver(() => ServiceRequest)
export class RequestResolver {
  @Query(() => ServiceRequest, {
    nullable: true,
    description: 'One request the caller may read (null with a NOT_FOUND error otherwise).',
  })
  request(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return requestsFor(context.em, caller).get(id);
  }

  @Query(() => RequestConnection, {
    description: '"Demandes de devis": the requests the caller may read, latest first.',
  })
  requests(
    @Arg('filter', () => RequestFilter, {
      nullable: true,
      description: 'Criteria that must all hold; everything when omitted.',
    })
    filter: RequestFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listRequests(context.em, caller, { ...filter }, page);
  }

  @Mutation(() => RequestPayload, { description: 'Starts a request, saved as a draft ("Enregistrer (brouillon)").' })
  createRequestDraft(
    @Arg('input', () => CreateRequestDraftInput, { description: 'The project, the kind and what is known so far.' })
    input: CreateRequestDraftInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return createDraft(context.em, caller, {
      ...draftInput(input),
      kind: input.kind,
      project: input.project,
    }).then(succeeded);
  }

  @Mutation(() => RequestPayload, { description: 'Changes a draft (resumed later, as often as needed).' })
  updateRequestDraft(
    @Arg('id', () => ID, { description: 'The draft.' }) id: string,
    @Arg('input', () => RequestDraftChanges, { description: 'What changes.' }) input: RequestDraftChanges,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return updateDraft(context.em, caller, id, draftInput(input)).then(succeeded);
  }

  @Mutation(() => RequestPayload, {
    description:
      'Submits a complete draft ("Valider ma demande"): it gets its file number and the solicited brands are told.',
  })
  submitRequest(
    @Arg('id', () => ID, { description: 'The draft.' }) id: string,
    @Arg('responseDeadline', () => Date, {
      nullable: true,
      description: 'Until when suppliers may send proposals; by default, the end of the day ten working days from now.',
    })
    responseDeadline: Date | undefined,
    @Arg('sealedProposals', () => Boolean, {
      nullable: true,
      description:
        'Whether proposals stay sealed until the deadline; by default, when a guided choice solicits several brands.',
    })
    sealedProposals: boolean | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return submit(
      context.em,
      caller,
      id,
      { responseDeadline: responseDeadline ?? undefined, sealedProposals: sealedProposals ?? undefined },
      context.consultation,
    ).then(succeeded);
  }

  @Mutation(() => RequestPayload, { description: 'Cancels a request that is not ordered yet.' })
  cancelRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('reason', () => String, { description: 'Why.' }) reason: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return cancel(context.em, caller, id, reason).then(succeeded);
  }

  @Mutation(() => RequestPayload, { description: 'Closes an ordered request: its file is complete ("Clôturée").' })
  closeRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('comment', () => String, { nullable: true, description: 'A word for the history.' }) comment:
      | string
      | undefined,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return close(context.em, caller, id, comment).then(succeeded);
  }

  @Mutation(() => RequestPayload, { description: 'Sets "Ma référence", whatever the status; empty clears it.' })
  setRequestReference(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Arg('myReference', () => String, { nullable: true, description: 'Your own reference.' }) myReference:
      | string
      | null,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return setMyReference(context.em, caller, id, myReference).then(succeeded);
  }

  @FieldResolver(() => String, { description: "Status in the caller's language." })
  statusLabel(@Root() request: ServiceRequest, @Ctx() { locale }: Context) {
    return pick(REQUEST_STATUS_LABELS[request.status], locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'Status in French and English.' })
  statusLabels(@Root() request: ServiceRequest) {
    const label = REQUEST_STATUS_LABELS[request.status];
    return LocalizedText.of(label.fr, label.en);
  }

  @FieldResolver(() => String, { description: "Kind in the caller's language." })
  kindLabel(@Root() request: ServiceRequest, @Ctx() { locale }: Context) {
    return pick(REQUEST_KIND_LABELS[request.kind], locale);
  }

  @FieldResolver(() => [RequestAction], {
    description: 'What the caller may do with it now: each value names the mutation to call.',
  })
  availableActions(@Root() request: ServiceRequest, @Caller() caller: Identity): RequestAction[] {
    return requestActionsOf(caller, request);
  }

  @FieldResolver(() => Project, { description: 'The project it is for.' })
  project(@Root() request: ServiceRequest, @Ctx() { loaders }: Context) {
    return loaders.projectById.load(request.project.id);
  }

  @FieldResolver(() => BeneficiaryEntity, { description: 'The entity it belongs to.' })
  beneficiaryEntity(@Root() request: ServiceRequest, @Ctx() { loaders }: Context) {
    return loaders.entityById.load(request.entityId);
  }

  @FieldResolver(() => GuidedChoiceReference, {
    nullable: true,
    description: 'The recorded guided choice it builds on, with its answers and results.',
  })
  guidedChoice(@Root() request: ServiceRequest) {
    return request.guidedChoiceId ? GuidedChoiceReference.of(request.guidedChoiceId) : null;
  }

  @FieldResolver(() => [RequestSolution], {
    description: 'The brands and solutions it solicits (a supplier sees its own brand only).',
  })
  async solutions(@Root() request: ServiceRequest, @Ctx() context: Context, @Caller() caller: Identity) {
    const all = await context.loaders.solutionsByRequest.load(request.id);
    return caller.role === Role.SUPPLIER ? all.filter((s) => s.brandId === caller.brandId) : all;
  }

  @FieldResolver(() => [RequestItem], { description: 'Order lines and products of a renewal or complementary order.' })
  items(@Root() request: ServiceRequest, @Ctx() { loaders }: Context) {
    return loaders.itemsByRequest.load(request.id);
  }

  @FieldResolver(() => [Message], { description: 'The messages the caller sees, oldest first.' })
  async messages(@Root() request: ServiceRequest, @Ctx() context: Context, @Caller() caller: Identity) {
    return threadMessages(context.loaders, caller, request.id);
  }

  @FieldResolver(() => MessageCount, {
    description: 'How many messages the caller sees, and how many they have not read.',
  })
  messageCount(@Root() request: ServiceRequest, @Ctx() { loaders }: Context) {
    return loaders.messageCounts.load(request.id);
  }

  @FieldResolver(() => [Document], {
    description: '"Les documents relatifs": the need\'s files and those of the messages the caller sees.',
  })
  async documents(@Root() request: ServiceRequest, @Ctx() context: Context, @Caller() caller: Identity) {
    return threadDocuments(context.loaders, caller, request.id);
  }
}
