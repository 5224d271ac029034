import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { CountPayload, MutationPayload, succeeded, Caller, type Identity } from '@nuage/platform';
import { markMessagesRead, Message, MessageAudience } from '@nuage/threads';
import { requestThread } from '../services/access.js';
import type { Context } from '../loaders.js';
import { postRequestMessage } from '../services/requests.js';

const MessagePayload = MutationPayload(Message, 'MessagePayload', 'message', 'message');
const MessagesReadPayload = CountPayload('MessagesReadPayload', 'messages were marked read');

@InputType({ description: 'A message on a request.' })
class PostMessageInput {
  @Field(() => ID, { description: 'The request.' })
  requestId!: string;

  @Field(() => MessageAudience, { description: 'The market holder, or a solicited brand.' })
  audience!: MessageAudience;

  @Field(() => ID, { nullable: true, description: 'With audience BRAND (buyer or market holder): the brand.' })
  brandId?: string;

  @Field(() => String, { description: 'The text.' })
  body!: string;

  @Field(() => [ID], { nullable: true, description: 'Uploaded files to attach.' })
  attachmentIds?: string[];
}

@Resolver(() => Message)
export class MessageResolver {
  @Mutation(() => MessagePayload, { description: 'Writes a message on a request.' })
  postMessage(
    @Arg('input', () => PostMessageInput, { description: 'The message.' }) input: PostMessageInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { requestId, ...message } = input;
    return postRequestMessage(context.em, caller, { subjectId: requestId, ...message }).then(succeeded);
  }

  @Mutation(() => MessagesReadPayload, {
    description: "Marks the request's messages read for the caller; gives how many were unread.",
  })
  markMessagesRead(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return markMessagesRead(context.em, requestThread, caller, requestId).then(succeeded);
  }
}
