import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  CountPayload,
  Connection,
  LocalizedText,
  MutationPayload,
  PageArgs,
  succeeded,
  Caller,
  type Identity,
} from '@nuage/platform';
import { NOTIFICATION_KIND_LABELS, Notification, ServiceRequest } from '../entities/index.js';
import { countNotifications, listNotifications, markAllRead, markRead } from '../services/notifications.js';
import type { Context } from '../loaders.js';

const NotificationConnection = Connection(Notification, 'Notification', 'notification');
const NotificationPayload = MutationPayload(Notification, 'NotificationPayload', 'notification', 'notification');
const NotificationsReadPayload = CountPayload('NotificationsReadPayload', 'notifications were marked read');

@ObjectType({ description: "How many notifications the caller has, and how many are unread (the bell's badge)." })
class NotificationCount {
  @Field(() => Int, { description: 'All of them.' })
  total!: number;

  @Field(() => Int, { description: 'Not read yet.' })
  unread!: number;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The caller's notifications, latest first." })
  notifications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'Only those not read yet.' })
    unreadOnly: boolean,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listNotifications(context.em, caller, unreadOnly, page);
  }

  @Query(() => NotificationCount, { description: 'How many notifications the caller has, and how many are unread.' })
  notificationCount(@Ctx() context: Context, @Caller() caller: Identity) {
    return countNotifications(context.em, caller);
  }

  @Mutation(() => NotificationPayload, { description: "Marks one of the caller's notifications read." })
  markNotificationRead(
    @Arg('id', () => ID, { description: 'The notification.' }) id: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return markRead(context.em, caller, id).then(succeeded);
  }

  @Mutation(() => NotificationsReadPayload, {
    description: "Marks all the caller's notifications read; gives how many were unread.",
  })
  markAllNotificationsRead(@Ctx() context: Context, @Caller() caller: Identity) {
    return markAllRead(context.em, caller).then(succeeded);
  }

  @FieldResolver(() => String, { description: "What happened, in the caller's language." })
  title(@Root() notification: Notification, @Ctx() { locale }: Context) {
    return locale === 'en' ? notification.titleEn : notification.titleFr;
  }

  @FieldResolver(() => LocalizedText, { description: 'What happened, in French and English.' })
  titles(@Root() notification: Notification) {
    return LocalizedText.of(notification.titleFr, notification.titleEn);
  }

  @FieldResolver(() => String, { description: "The kind, in the caller's language." })
  kindLabel(@Root() notification: Notification, @Ctx() { locale }: Context) {
    return NOTIFICATION_KIND_LABELS[notification.kind][locale];
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller read it.' })
  read(@Root() notification: Notification) {
    return notification.readAt !== null;
  }

  @FieldResolver(() => ServiceRequest, {
    nullable: true,
    description: 'The file it links to, if the caller may still read it.',
  })
  request(@Root() notification: Notification, @Ctx() context: Context) {
    return notification.fileId ? context.loaders.readableRequestById.load(notification.fileId) : null;
  }
}
