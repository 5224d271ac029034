import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Role } from '@nuage/shared';
import { ServiceRequest } from './request';
import { Message } from './message';

export enum DocumentKind {
  NEED = 'NEED',
  MESSAGE = 'MESSAGE',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'Where a document of a request comes from.',
  valuesConfig: {
    NEED: { description: 'Attached to the need ("Exprimez votre besoin"); sent to every solicited provider.' },
    MESSAGE: { description: 'Attached to a message; read by whoever reads the message.' },
  },
});

/**
 * A file uploaded by someone. Until it is attached (to a request's need or a message) only its
 * uploader knows it; once attached, it is read by those who may read what it is attached to.
 */
@ObjectType({ description: 'A document of a request ("Les documents relatifs").' })
@Entity({ tableName: 'document' })
@Index({ properties: ['request', 'createdAt'] })
export class Document extends BaseEntity {
  @ManyToOne({ entity: () => ServiceRequest, nullable: true })
  request!: ServiceRequest | null;

  @ManyToOne({ entity: () => Message, nullable: true })
  message!: Message | null;

  @Field(() => DocumentKind, { nullable: true, description: 'What it is attached to; null until attached.' })
  @Enum({ items: () => DocumentKind, nativeEnumName: 'document_kind', nullable: true })
  kind!: DocumentKind | null;

  @Field(() => String, { description: 'File name as uploaded.' })
  @Property({ type: 'string' })
  fileName!: string;

  @Field(() => String, { description: 'MIME type, e.g. "application/pdf".' })
  @Property({ type: 'string' })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  /** Where the bytes are in the file store. */
  @Property({ type: 'string' })
  storageKey!: string;

  @Field(() => String, { description: 'Who uploaded it (person id).' })
  @Index()
  @Property({ type: 'string' })
  uploadedById!: string;

  @Field(() => String, { description: 'Name of who uploaded it.' })
  @Property({ type: 'string' })
  uploadedByName!: string;

  @Field(() => Role, { description: 'Role of who uploaded it.' })
  @Property({ type: 'string' })
  uploadedByRole!: Role;
}
