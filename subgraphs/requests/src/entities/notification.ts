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
  REQUEST_TO_ANSWER = 'REQUEST_TO_ANSWER',
  REQUEST_UPDATED = 'REQUEST_UPDATED',
  REQUEST_CANCELLED = 'REQUEST_CANCELLED',
  MESSAGE_RECEIVED = 'MESSAGE_RECEIVED',
  RESPONSE_DEADLINE_EXTENDED = 'RESPONSE_DEADLINE_EXTENDED',
  RESPONSE_DEADLINE_NEAR = 'RESPONSE_DEADLINE_NEAR',
  SOLICITATION_DECLINED = 'SOLICITATION_DECLINED',
  PROPOSALS_OPENED = 'PROPOSALS_OPENED',
  PROPOSAL_ACCEPTED = 'PROPOSAL_ACCEPTED',
  PROPOSAL_REFUSED = 'PROPOSAL_REFUSED',
  PROPOSAL_CLOSED = 'PROPOSAL_CLOSED',
  ORDER_TO_VALIDATE = 'ORDER_TO_VALIDATE',
  DELAY_REQUESTED = 'DELAY_REQUESTED',
  DELIVERY_RECORDED = 'DELIVERY_RECORDED',
  ACTIVATION_VALIDATED = 'ACTIVATION_VALIDATED',
  ACTIVATION_DISPUTED = 'ACTIVATION_DISPUTED',
  INCIDENT_OPENED = 'INCIDENT_OPENED',
  INCIDENT_RESOLVED = 'INCIDENT_RESOLVED',
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  INVOICE_SUSPENDED = 'INVOICE_SUSPENDED',
  WEBHOOK_ENDPOINT_DISABLED = 'WEBHOOK_ENDPOINT_DISABLED',
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
  REQUEST_TO_ANSWER: { fr: 'Nouvelle demande à traiter', en: 'New request to answer' },
  REQUEST_UPDATED: { fr: 'Demande modifiée', en: 'Request updated' },
  REQUEST_CANCELLED: { fr: 'Demande annulée', en: 'Request cancelled' },
  MESSAGE_RECEIVED: { fr: 'Nouveau message', en: 'New message' },
  RESPONSE_DEADLINE_EXTENDED: { fr: 'Date limite de réponse reportée', en: 'Response deadline extended' },
  RESPONSE_DEADLINE_NEAR: { fr: 'Date limite de réponse proche', en: 'Response deadline near' },
  SOLICITATION_DECLINED: { fr: 'Un fournisseur ne répond pas', en: 'A supplier declined to answer' },
  PROPOSALS_OPENED: { fr: 'Propositions ouvertes', en: 'Proposals opened' },
  PROPOSAL_ACCEPTED: { fr: 'Proposition acceptée', en: 'Proposal accepted' },
  PROPOSAL_REFUSED: { fr: 'Proposition refusée', en: 'Proposal refused' },
  PROPOSAL_CLOSED: { fr: 'Proposition clôturée', en: 'Proposal closed' },
  ORDER_TO_VALIDATE: { fr: 'Commande à valider', en: 'Order to validate' },
  DELAY_REQUESTED: { fr: 'Demande de délai', en: 'Delay requested' },
  DELIVERY_RECORDED: { fr: 'Livraison enregistrée', en: 'Delivery recorded' },
  ACTIVATION_VALIDATED: { fr: 'Mise en service validée', en: 'Activation validated' },
  ACTIVATION_DISPUTED: { fr: 'Mise en service contestée', en: 'Activation disputed' },
  INCIDENT_OPENED: { fr: 'Incident déclaré', en: 'Incident opened' },
  INCIDENT_RESOLVED: { fr: 'Incident résolu', en: 'Incident resolved' },
  INVOICE_ISSUED: { fr: 'Facture émise', en: 'Invoice issued' },
  INVOICE_SUSPENDED: { fr: 'Facture suspendue', en: 'Invoice suspended' },
  WEBHOOK_ENDPOINT_DISABLED: { fr: 'Point de réception désactivé', en: 'Webhook endpoint disabled' },
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
