import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Role } from '@nuage/shared';
import { ServiceRequest } from './request';

/** Who a message on a request is for. */
export enum MessageAudience {
  MARKET_HOLDER = 'MARKET_HOLDER',
  BRAND = 'BRAND',
}
registerEnumType(MessageAudience, {
  name: 'MessageAudience',
  description: 'Who, besides the buyer\'s entity, reads a message on a request.',
  valuesConfig: {
    MARKET_HOLDER: { description: 'The market holder (titulaire) only.' },
    BRAND: { description: 'One solicited brand (and the market holder, who relays).' },
  },
});

/** A message on a request, between the buyer's entity and the market holder or one solicited brand. */
@ObjectType({ description: 'A message on a request ("Les messages relatifs").' })
@Entity({ tableName: 'message' })
@Index({ properties: ['request', 'createdAt'] })
export class Message extends BaseEntity {
  @ManyToOne({ entity: () => ServiceRequest })
  request!: ServiceRequest;

  @Field(() => MessageAudience, { description: 'Who it is for besides the entity.' })
  @Enum({ items: () => MessageAudience, nativeEnumName: 'message_audience' })
  audience!: MessageAudience;

  @Field(() => ID, { nullable: true, description: 'The brand it is exchanged with (audience BRAND).' })
  @Property({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @Field(() => String, { description: 'Who wrote it (person id).' })
  @Property({ type: 'string' })
  authorId!: string;

  @Field(() => String, { description: 'Name of who wrote it.' })
  @Property({ type: 'string' })
  authorName!: string;

  @Field(() => Role, { description: 'Role of who wrote it.' })
  @Property({ type: 'string' })
  authorRole!: Role;

  @Field(() => String, { description: 'The text.' })
  @Property({ type: 'text' })
  body!: string;
}

/** That a person has read a message: unread counts are per reader. */
@Entity({ tableName: 'message_read' })
@Unique({ properties: ['message', 'readerId'] })
export class MessageRead extends BaseEntity {
  @ManyToOne({ entity: () => Message })
  message!: Message;

  @Index()
  @Property({ type: 'string' })
  readerId!: string;
}
