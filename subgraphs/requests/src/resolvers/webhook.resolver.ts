import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Caller, Connection, MutationPayload, PageArgs, succeeded, type Identity } from '@nuage/platform';
import { EventType, FeedEvent, WebhookDelivery, WebhookEndpoint } from '../entities/index.js';
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  updateEndpoint,
} from '../services/webhooks.js';
import type { Context } from '../loaders.js';

@ObjectType({ description: 'An endpoint with its signing secret: given once, when registered or rotated.' })
class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, {
    description: 'The secret that signs its deliveries (`Nuage-Signature`). Keep it: it is never shown again.',
  })
  secret!: string;
}

const WebhookEndpointConnection = Connection(WebhookEndpoint, 'WebhookEndpoint', 'webhook endpoint');
const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery', 'webhook delivery');
const WebhookEndpointPayload = MutationPayload(
  WebhookEndpoint,
  'WebhookEndpointPayload',
  'endpoint',
  'webhook endpoint',
);
const WebhookEndpointSecretPayload = MutationPayload(
  WebhookEndpointSecret,
  'WebhookEndpointSecretPayload',
  'registration',
  'webhook endpoint and its secret',
);
const WebhookDeliveryPayload = MutationPayload(
  WebhookDelivery,
  'WebhookDeliveryPayload',
  'delivery',
  'webhook delivery',
);

@InputType({ description: 'A new webhook endpoint.' })
class WebhookEndpointInput {
  @Field(() => String, { description: 'Where events are sent: an HTTPS address that resolves to a public one.' })
  url!: string;

  @Field(() => [EventType], { description: 'The event types it receives; empty for all of them.' })
  eventTypes!: EventType[];

  @Field(() => String, { nullable: true, description: 'What it is for (200 characters at most).' })
  description?: string;
}

@InputType({ description: 'Changes to a webhook endpoint; only the fields given change.' })
class WebhookEndpointChanges {
  @Field(() => String, { nullable: true, description: 'A new address.' })
  url?: string;

  @Field(() => [EventType], { nullable: true, description: 'The event types it receives; empty for all.' })
  eventTypes?: EventType[];

  @Field(() => String, { nullable: true, description: 'What it is for.' })
  description?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Disable it, or enable it again (after failures: its count starts afresh).',
  })
  enabled?: boolean;
}

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpointConnection, {
    nullable: true,
    description: "The caller's webhook endpoints: its brand's, its entity's, or the market's (UGAP, market holder).",
  })
  webhookEndpoints(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context, @Caller() caller: Identity) {
    return listEndpoints(context.em, caller, page);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its delivery log, latest first.' })
  deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listDeliveries(context.em, caller, endpoint.id, page);
  }

  @Mutation(() => WebhookEndpointSecretPayload, {
    description: 'Registers an endpoint for the caller’s brand, entity or market; the answer holds its secret, once.',
  })
  createWebhookEndpoint(
    @Arg('input', () => WebhookEndpointInput, { description: 'The endpoint.' }) input: WebhookEndpointInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return createEndpoint(context.em, caller, input, context.webhookPolicy).then(succeeded);
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Changes one of the caller’s endpoints.' })
  updateWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Arg('input', () => WebhookEndpointChanges, { description: 'What changes.' }) input: WebhookEndpointChanges,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return updateEndpoint(context.em, caller, id, input, context.webhookPolicy).then(succeeded);
  }

  @Mutation(() => WebhookEndpointSecretPayload, {
    description:
      'Gives an endpoint a new secret (shown once); deliveries are signed with both the new and the previous one for a while (`previousSecretExpiresAt`).',
  })
  rotateWebhookSecret(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return rotateSecret(context.em, caller, id, context.webhookPolicy).then(succeeded);
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: 'Deletes one of the caller’s endpoints, and its delivery log.',
  })
  deleteWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return deleteEndpoint(context.em, caller, id).then(succeeded);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => FeedEvent, { description: 'The event it carries.' })
  event(@Root() delivery: WebhookDelivery, @Ctx() context: Context) {
    return context.loaders.eventById.load(delivery.event.id);
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Sends a delivery again (the same event id and body, signed afresh), with a new round of retries.',
  })
  replayWebhookDelivery(
    @Arg('id', () => ID, { description: 'The delivery.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return replayDelivery(context.em, caller, id).then(succeeded);
  }
}
