import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@nuage/platform';
import { HistorySubject } from '@nuage/contracts';

export enum NotificationKind {
  PROPOSAL_RECEIVED = 'PROPOSAL_RECEIVED',
  APPROVAL_REQUESTED = 'APPROVAL_REQUESTED',
  PROPOSAL_APPROVED = 'PROPOSAL_APPROVED',
  PROPOSAL_REJECTED = 'PROPOSAL_REJECTED',
  ORDER_VALIDATED = 'ORDER_VALIDATED',
  DELAY_ANSWERED = 'DELAY_ANSWERED',
  SERVICES_OPENED = 'SERVICES_OPENED',
  INCIDENT_UPDATED = 'INCIDENT_UPDATED',
  CONSUMPTION_ALERT = 'CONSUMPTION_ALERT',
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { fr: string; en: string }> = {
  PROPOSAL_RECEIVED: { fr: 'Proposition reçue', en: 'Proposal received' },
  APPROVAL_REQUESTED: { fr: "Demande d'achat à valider", en: 'Approval requested' },
  PROPOSAL_APPROVED: { fr: 'Proposition validée par le manager', en: 'Proposal approved' },
  PROPOSAL_REJECTED: { fr: 'Proposition rejetée par le manager', en: 'Proposal rejected' },
  ORDER_VALIDATED: { fr: 'Commande validée par UGAP', en: 'Order validated' },
  DELAY_ANSWERED: { fr: 'Demande de délai traitée', en: 'Delay request answered' },
  SERVICES_OPENED: { fr: 'Mise en service à valider', en: 'Services open, awaiting validation' },
  INCIDENT_UPDATED: { fr: 'Incident mis à jour', en: 'Incident updated' },
  CONSUMPTION_ALERT: { fr: 'Alerte de consommation', en: 'Consumption alert' },
};

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: Object.fromEntries(
    Object.entries(NOTIFICATION_KIND_LABELS).map(([key, label]) => [key, { description: `${label.fr} / ${label.en}` }]),
  ),
});

/** Something that happened on a file and waits on a person (or that the person should know). */
@ObjectType({ description: 'A notification to the caller, linking to its file.' })
@Entity({ tableName: 'notification' })
@Index({ properties: ['personId', 'createdAt'] })
@Index({
  name: 'notification_unread',
  expression: 'create index "notification_unread" on "notification" ("person_id") where "read_at" is null',
})
export class Notification extends BaseEntity<'readAt'> {
  /** Whom it is for. */
  @Property({ type: 'string' })
  personId!: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind!: NotificationKind;

  @Property({ type: 'text' })
  titleFr!: string;

  @Property({ type: 'text' })
  titleEn!: string;

  @Field(() => ID, { nullable: true, description: 'The file (request) it links to.' })
  @Property({ type: 'uuid', nullable: true })
  fileId!: string | null;

  @Field(() => HistorySubject, { nullable: true, description: 'What in the file it is about.' })
  @Enum({ items: () => HistorySubject, nativeEnumName: 'history_subject', nullable: true })
  subjectType!: HistorySubject | null;

  @Field(() => ID, { nullable: true, description: 'The id of what it is about (proposal, order, incident…).' })
  @Property({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Field(() => String, { description: 'The reference people read (DC…, CC…, SAV-…).' })
  @Property({ type: 'string' })
  reference!: string;

  @Field(() => Date, { nullable: true, description: 'When the person read it; null while unread.' })
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
