import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { callerOf, CountPayload, MutationPayload, succeeded } from '@nuage/platform';
import { markMessagesRead, Message, MessageAudience, postMessage } from '@nuage/threads';
import { Role } from '@nuage/contracts';
import { requestThread } from '../services/access';
import type { Context } from '../loaders';

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
  @Authorized(Role.BENEFICIARY, Role.MANAGER, Role.SUPPLIER, Role.MARKET_HOLDER)
  @Mutation(() => MessagePayload, { description: 'Writes a message on a request.' })
  postMessage(
    @Arg('input', () => PostMessageInput, { description: 'The message.' }) input: PostMessageInput,
    @Ctx() context: Context,
  ) {
    const { requestId, ...message } = input;
    return postMessage(context.em, requestThread, callerOf(context), { subjectId: requestId, ...message }).then(
      succeeded,
    );
  }

  @Authorized()
  @Mutation(() => MessagesReadPayload, {
    description: "Marks the request's messages read for the caller; gives how many were unread.",
  })
  markMessagesRead(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Ctx() context: Context,
  ) {
    return markMessagesRead(context.em, requestThread, callerOf(context), requestId).then(succeeded);
  }
}
