import type { IncomingMessage } from 'node:http';
import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import DataLoader from 'dataloader';
import {
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import {
  BaseEntity,
  downloadRoute,
  forbidden,
  type Identity,
  type KeyRing,
  invalid,
  isBuyer,
  notFound,
  type Route,
  sql,
  type SubgraphContext,
  uploadRoute,
} from '@nuage/platform';
import { type Bilingual, type IssuedDocument, Role } from '@nuage/contracts';
import { checkAttachment, decodeFileName, type FileStore } from '@nuage/files';

/**
 * Messages and documents on a file (a request, an incident…), written once for every subgraph
 * that has them: each keeps its own tables, and says through a `ThreadAccess` who may read and
 * write on its files. The entity's buyers, the market holder and analysts see every message; a
 * supplier sees the thread of its own brand. Unread counts are per reader.
 */

export enum MessageAudience {
  MARKET_HOLDER = 'MARKET_HOLDER',
  BRAND = 'BRAND',
}
registerEnumType(MessageAudience, {
  name: 'MessageAudience',
  description: "Who, besides the buyer's entity, reads a message.",
  valuesConfig: {
    MARKET_HOLDER: { description: 'The market holder (titulaire) only.' },
    BRAND: { description: 'One brand concerned (and the market holder, who relays).' },
  },
});

/** A message on a file, between the buyer's entity and the market holder or one brand. */
@Directive('@shareable')
@ObjectType({ description: 'A message on a request or an incident ("Messages").' })
@Entity({ tableName: 'message' })
@Index({ properties: ['subjectId', 'createdAt'] })
export class Message extends BaseEntity {
  /** The request, incident… it is on. */
  @Property({ type: 'uuid' })
  subjectId!: string;

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

/** That a person has read a message. */
@Entity({ tableName: 'message_read' })
@Unique({ properties: ['message', 'readerId'] })
export class MessageRead extends BaseEntity {
  @ManyToOne({ entity: () => Message })
  message!: Message;

  @Index()
  @Property({ type: 'string' })
  readerId!: string;
}

/**
 * A file someone uploaded. Until attached (to a file or a message) only its uploader knows it;
 * once attached, it is read by those who may read what it is attached to.
 */
@Directive('@shareable')
@ObjectType({ description: 'A document of a request or an incident ("Documents").' })
@Entity({ tableName: 'document' })
@Index({ properties: ['subjectId', 'createdAt'] })
export class Document extends BaseEntity {
  @Property({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @ManyToOne({ entity: () => Message, nullable: true })
  message!: Message | null;

  @Field(() => String, {
    nullable: true,
    description: 'What it is attached to: NEED, MESSAGE, DECLARATION…; null until attached.',
  })
  @Property({ type: 'string', nullable: true })
  kind!: string | null;

  @Field(() => String, { description: 'File name as uploaded.' })
  @Property({ type: 'string' })
  fileName!: string;

  @Field(() => String, { description: 'MIME type, e.g. "application/pdf".' })
  @Property({ type: 'string' })
  contentType!: string;

  @Field(() => Int, { nullable: true, description: 'Size in bytes; null for a report laid out when downloaded.' })
  @Property({ type: 'integer', nullable: true })
  size!: number | null;

  /** Where the bytes are in the file store; null for a document another subgraph issued and serves itself (`downloadUrl`). */
  @Property({ type: 'string', nullable: true })
  storageKey!: string | null;

  @Field(() => String, { description: 'Path of the file on the gateway; GET it with the same bearer token.' })
  @Property({ type: 'string' })
  downloadUrl!: string;

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

export const THREAD_ENTITIES = [Message, MessageRead, Document];

/** What a subgraph tells the thread module about one of its files, for a caller. */
export interface ThreadSubject {
  /** The buying entity. */
  entityId: string;
  /** The brands that may take part (solicited brands; the order's supplier). */
  brandIds: string[];
  /** Why no message may be written now (a draft…); null when they may. */
  closedBecause: Bilingual | null;
}

/** How a subgraph says who reads its files: throws NOT_FOUND when the caller may not. */
export type ThreadAccess = (em: EntityManager, caller: Identity, subjectId: string) => Promise<ThreadSubject>;

/** Which messages of a file a reader sees: a supplier its brand's thread; the others all. */
export function visibleMessages(caller: Identity): FilterQuery<Message> {
  if (caller.role === Role.SUPPLIER) return { audience: MessageAudience.BRAND, brandId: caller.brandId! };
  return {};
}

const isBuyerOf = (caller: Identity, subject: ThreadSubject) => isBuyer(caller) && caller.entityId === subject.entityId;

export interface MessageInput {
  subjectId: string;
  audience: MessageAudience;
  brandId?: string;
  body: string;
  attachmentIds?: string[];
}

/**
 * Posts a message: the entity's buyers write to the market holder or to a brand taking part; a
 * supplier within its brand's thread; the market holder to either.
 */
export async function postMessage(
  em: EntityManager,
  access: ThreadAccess,
  caller: Identity,
  input: MessageInput,
): Promise<Message> {
  return em.transactional(async (tx) => {
    const subject = await access(tx, caller, input.subjectId);
    const body = input.body.trim();
    if (body.length === 0) throw invalid('input.body', { fr: 'Écrivez le message.', en: 'Write the message.' });
    if (body.length > 10_000)
      throw invalid('input.body', {
        fr: 'Un message fait au plus 10 000 caractères.',
        en: 'A message is 10,000 characters at most.',
      });
    if (subject.closedBecause) throw invalid('input.subjectId', subject.closedBecause);
    let brandId: string | null = null;
    if (caller.role === Role.SUPPLIER) {
      if (input.audience !== MessageAudience.BRAND)
        throw forbidden({
          fr: 'Un fournisseur écrit dans le fil de sa propre marque.',
          en: "A supplier writes in its own brand's thread.",
        });
      brandId = caller.brandId!;
    } else {
      if (caller.role !== Role.MARKET_HOLDER && !isBuyerOf(caller, subject))
        throw forbidden({
          fr: "Seuls les acheteurs de l'entité, les marques concernées et le titulaire écrivent ici.",
          en: "Only the entity's buyers, the brands concerned and the market holder write here.",
        });
      if (input.audience === MessageAudience.BRAND) {
        if (!input.brandId)
          throw invalid('input.brandId', {
            fr: 'Indiquez la marque destinataire du message.',
            en: 'Name the brand the message is for.',
          });
        if (!subject.brandIds.includes(input.brandId))
          throw invalid('input.brandId', {
            fr: 'Cette marque ne participe pas à ce dossier.',
            en: 'This brand takes no part in this file.',
          });
        brandId = input.brandId;
      } else if (input.brandId)
        throw invalid('input.brandId', {
          fr: 'Un message au titulaire ne nomme aucune marque.',
          en: 'A message to the market holder names no brand.',
        });
    }
    const message = tx.create(Message, {
      subjectId: input.subjectId,
      audience: input.audience,
      brandId,
      authorId: caller.userId,
      authorName: caller.name,
      authorRole: caller.role,
      body,
    });
    tx.persist(message);
    // The author has read what they wrote.
    tx.persist(tx.create(MessageRead, { message, readerId: caller.userId }));
    if (input.attachmentIds?.length)
      await attachDocuments(
        tx,
        caller,
        input.attachmentIds,
        { subjectId: input.subjectId, kind: 'MESSAGE', message },
        'input.attachmentIds',
      );
    return message;
  });
}

/** Marks the messages of a file the caller sees as read by them; returns how many were unread. */
export async function markMessagesRead(
  em: EntityManager,
  access: ThreadAccess,
  caller: Identity,
  subjectId: string,
): Promise<number> {
  await access(em, caller, subjectId);
  const read = em.createQueryBuilder(MessageRead, 'r').select('r.message').where({ readerId: caller.userId });
  const unread = await em.find(Message, {
    $and: [{ subjectId }, visibleMessages(caller), { id: { $nin: read as never } }],
  });
  for (const message of unread) em.persist(em.create(MessageRead, { message, readerId: caller.userId }));
  await em.flush();
  return unread.length;
}

/** Attaches the caller's uploads to a file or a message (in the caller's transaction). */
export async function attachDocuments(
  em: EntityManager,
  caller: Identity,
  ids: string[],
  target: { subjectId: string; kind: string; message?: Message },
  field: string,
): Promise<void> {
  const documents = await em.find(Document, { id: { $in: ids } });
  ids.forEach((id, i) => {
    const document = documents.find((d) => d.id === id);
    if (!document || document.uploadedById !== caller.userId)
      throw notFound({ fr: 'Le fichier déposé', en: 'The uploaded file' }, `${field}.${i}`);
    if (document.kind !== null)
      throw invalid(`${field}.${i}`, { fr: 'Ce fichier est déjà joint.', en: 'This file is already attached.' });
    Object.assign(document, { subjectId: target.subjectId, kind: target.kind, message: target.message ?? null });
  });
}

/**
 * Uploads wait to be attached (to a need, a message, a declaration) within a day, and a person
 * keeps at most 20 of them, 50 MB in all, waiting at once: storage grows with what files hold,
 * not with what someone can post in a loop.
 */
export const PENDING_UPLOADS = { maxFiles: 20, maxBytes: 50 * 1024 * 1024, keptHours: 24 } as const;

/**
 * Lists with a file's documents one that another subgraph issued and serves itself (a PAAC report,
 * a subscription order, a purchase request): its issuer checks who may download it. Once per URL.
 */
export async function listIssuedDocument(em: EntityManager, subjectId: string, issued: IssuedDocument): Promise<void> {
  if (await em.findOne(Document, { subjectId, downloadUrl: issued.downloadUrl })) return;
  em.persist(
    em.create(Document, {
      subjectId,
      message: null,
      kind: issued.kind,
      fileName: issued.fileName,
      contentType: 'application/pdf',
      size: issued.size,
      storageKey: null,
      downloadUrl: issued.downloadUrl,
      uploadedById: issued.issuedById,
      uploadedByName: issued.issuedByName,
      uploadedByRole: issued.issuedByRole,
      createdAt: new Date(issued.issuedAt),
    }),
  );
}

/** Deletes the uploads never attached within {@link PENDING_UPLOADS.keptHours} (rows and bytes); how many. */
export async function deleteUnattachedUploads(em: EntityManager, files: FileStore, now = new Date()): Promise<number> {
  const stale = await em.find(
    Document,
    { subjectId: null, createdAt: { $lt: new Date(now.getTime() - PENDING_UPLOADS.keptHours * 3_600_000) } },
    { limit: 1_000 },
  );
  for (const document of stale) if (document.storageKey) await files.delete(document.storageKey);
  if (stale.length) await em.remove(stale).flush();
  return stale.length;
}

/** The files of a subgraph's threads over HTTP: upload (`POST /uploads/documents`) and download. */
export function threadRoutes(
  service: string,
  orm: MikroORM,
  files: FileStore,
  keys: KeyRing,
  access: ThreadAccess,
): Route[] {
  const header = (req: IncomingMessage, name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return [
    uploadRoute('/uploads/documents', keys, async (caller, req, body) => {
      if (caller.role === Role.ANALYST)
        throw forbidden({
          fr: 'Les analystes lisent ; ils ne déposent pas de fichiers.',
          en: 'Analysts read; they do not upload.',
        });
      const contentType = header(req, 'content-type') ?? '';
      const fileName = await checkAttachment(decodeFileName(header(req, 'x-file-name')), contentType, body);
      const document = await orm.em.fork().transactional(async (tx) => {
        // One uploader's uploads are counted one at a time, so that parallel posts cannot pass the quota together.
        await sql(tx, 'select pg_advisory_xact_lock(hashtext(?))', [`uploads:${caller.userId}`]);
        const [pending] = await sql<{ files: string; bytes: string }[]>(
          tx,
          'select count(*) as files, coalesce(sum(size), 0) as bytes from document where uploaded_by_id = ? and subject_id is null',
          [caller.userId],
        );
        if (
          Number(pending!.files) + 1 > PENDING_UPLOADS.maxFiles ||
          Number(pending!.bytes) + body.length > PENDING_UPLOADS.maxBytes
        ) {
          throw invalid('body', {
            fr: `Vous avez déjà ${pending!.files} fichier(s) déposé(s) en attente d'être joints (au plus ${PENDING_UPLOADS.maxFiles}, ${PENDING_UPLOADS.maxBytes / 1024 / 1024} Mo) : joignez-les ou attendez leur suppression (${PENDING_UPLOADS.keptHours} h).`,
            en: `You already have ${pending!.files} uploaded file(s) waiting to be attached (at most ${PENDING_UPLOADS.maxFiles}, ${PENDING_UPLOADS.maxBytes / 1024 / 1024} MB): attach them or wait for their deletion (${PENDING_UPLOADS.keptHours} h).`,
          });
        }
        const created = tx.create(Document, {
          subjectId: null,
          message: null,
          kind: null,
          fileName,
          contentType: contentType.split(';')[0]!.trim().toLowerCase(),
          size: body.length,
          storageKey: '',
          downloadUrl: '',
          uploadedById: caller.userId,
          uploadedByName: caller.name,
          uploadedByRole: caller.role,
        });
        created.storageKey = `documents/${created.id.slice(0, 2)}/${created.id}`;
        created.downloadUrl = `/downloads/${service}/documents/${created.id}`;
        await files.put(created.storageKey, body, tx);
        return created;
      });
      return { id: document.id, fileName: document.fileName, contentType: document.contentType, size: document.size };
    }),
    downloadRoute(/^\/downloads\/documents\/([0-9a-f-]{36})$/, keys, async (caller, [id]) => {
      const em = orm.em.fork();
      const document = await em.findOne(Document, { id: id! });
      if (!document?.storageKey) throw notFound({ fr: 'Le document', en: 'The document' }, 'id');
      if (document.subjectId === null) {
        if (document.uploadedById !== caller.userId) throw notFound({ fr: 'Le document', en: 'The document' }, 'id');
      } else {
        await access(em, caller, document.subjectId);
        if (
          document.message &&
          !(await em.findOne(Message, { $and: [{ id: document.message.id }, visibleMessages(caller)] }))
        )
          throw notFound({ fr: 'Le document', en: 'The document' }, 'id');
      }
      return {
        body: await files.get(document.storageKey!),
        contentType: document.contentType,
        fileName: document.fileName,
      };
    }),
  ];
}

export interface MessageCounts {
  total: number;
  unread: number;
}

/** Per-request loaders of the threads: messages, documents and one reader's counts, each one statement per batch. */
export function threadLoaders(em: EntityManager, identity: Identity | null) {
  const bySubject = <T extends Message | Document>(entity: new () => T) =>
    new DataLoader<string, T[]>(async (ids) => {
      const rows = await em.find(entity, { subjectId: { $in: [...ids] } } as never, {
        orderBy: { createdAt: 'asc', id: 'asc' } as never,
      });
      return ids.map((id) => rows.filter((r) => r.subjectId === id));
    });
  return {
    messagesBySubject: bySubject(Message),
    documentsBySubject: bySubject(Document),
    messageCounts: new DataLoader<string, MessageCounts>(async (subjectIds) => {
      if (!identity) return subjectIds.map(() => ({ total: 0, unread: 0 }));
      const supplier = identity.role === Role.SUPPLIER;
      const rows = await sql<{ subject_id: string; total: string; unread: string }[]>(
        em,
        `select m.subject_id, count(*) as total,
                count(*) filter (where not exists (select 1 from message_read r where r.message_id = m.id and r.reader_id = ?)) as unread
           from message m
          where m.subject_id in (?) ${supplier ? "and m.audience = 'BRAND' and m.brand_id = ?" : ''}
          group by m.subject_id`,
        supplier ? [identity.userId, [...subjectIds], identity.brandId] : [identity.userId, [...subjectIds]],
      );
      const bySubjectId = new Map(
        rows.map((r) => [r.subject_id, { total: Number(r.total), unread: Number(r.unread) }]),
      );
      return subjectIds.map((id) => bySubjectId.get(id) ?? { total: 0, unread: 0 });
    }),
  };
}
export type ThreadLoaders = ReturnType<typeof threadLoaders>;

/** The messages of a file a caller sees, oldest first. */
export async function threadMessages(loaders: ThreadLoaders, caller: Identity, subjectId: string): Promise<Message[]> {
  const messages = await loaders.messagesBySubject.load(subjectId);
  return caller.role === Role.SUPPLIER
    ? messages.filter((m) => m.audience === MessageAudience.BRAND && m.brandId === caller.brandId)
    : messages;
}

/** The documents of a file a caller sees: the file's own, and those of the messages they see. */
export async function threadDocuments(
  loaders: ThreadLoaders,
  caller: Identity,
  subjectId: string,
): Promise<Document[]> {
  const [messages, documents] = await Promise.all([
    threadMessages(loaders, caller, subjectId),
    loaders.documentsBySubject.load(subjectId),
  ]);
  const seen = new Set(messages.map((m) => m.id));
  return documents.filter((d) => d.message === null || seen.has(d.message.id));
}

@Directive('@shareable')
@ObjectType({ description: 'Messages of a file as one reader sees them ("1 msg / 0 non lus").' })
export class MessageCount {
  @Field(() => Int, { description: 'Messages the reader sees.' })
  total!: number;

  @Field(() => Int, { description: 'Of those, the ones the reader has not read.' })
  unread!: number;
}

@Resolver(() => Message)
export class MessageFields {
  @FieldResolver(() => Date, { description: 'When it was written.' })
  sentAt(@Root() message: Message) {
    return message.createdAt;
  }

  @FieldResolver(() => [Document], { description: 'Files attached to it.' })
  async attachments(@Root() message: Message, @Ctx() { loaders }: SubgraphContext<ThreadLoaders>) {
    return (await loaders.documentsBySubject.load(message.subjectId)).filter((d) => d.message?.id === message.id);
  }
}

@Resolver(() => Document)
export class DocumentFields {
  @FieldResolver(() => Date, { description: 'When it was uploaded.' })
  uploadedAt(@Root() document: Document) {
    return document.createdAt;
  }
}
