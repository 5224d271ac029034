import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { checkAttachment, downloadRoute, forbidden, invalid, notFound, uploadRoute, type FileStore, type Identity } from '@nuage/shared';
import { Document, DocumentKind, Message, ServiceRequest } from '../entities';
import { readableRequest, visibleMessages } from './access';

/** Keeps an uploaded file, not yet attached: only its uploader can attach it. */
export async function storeUpload(em: EntityManager, files: FileStore, caller: Identity, upload: { fileName: string; contentType: string; body: Buffer }): Promise<Document> {
  const fileName = checkAttachment(upload.fileName, upload.contentType, upload.body.length);
  const document = em.create(Document, {
    request: null,
    message: null,
    kind: null,
    fileName,
    contentType: upload.contentType.split(';')[0]!.trim().toLowerCase(),
    size: upload.body.length,
    storageKey: '',
    uploadedById: caller.userId,
    uploadedByName: caller.name,
    uploadedByRole: caller.role,
  });
  document.storageKey = `documents/${document.id.slice(0, 2)}/${document.id}`;
  await files.put(document.storageKey, upload.body);
  await em.persist(document).flush();
  return document;
}

/** Attaches the caller's uploads to a request's need or to a message (in the caller's transaction). */
export async function attachDocuments(
  em: EntityManager,
  caller: Identity,
  ids: string[],
  target: { request: ServiceRequest; kind: DocumentKind; message?: Message },
  field: string,
): Promise<void> {
  const documents = await em.find(Document, { id: { $in: ids } });
  ids.forEach((id, i) => {
    const document = documents.find((d) => d.id === id);
    if (!document || document.uploadedById !== caller.userId) throw notFound('The uploaded file', `${field}.${i}`);
    if (document.kind !== null) throw invalid(`${field}.${i}`, 'This file is already attached.');
    document.request = target.request;
    document.kind = target.kind;
    document.message = target.message ?? null;
  });
}

/** A document the caller may read: attached to what they may read, or their own upload. */
export async function readableDocument(em: EntityManager, caller: Identity, id: string): Promise<Document> {
  const document = await em.findOne(Document, { id });
  if (!document) throw notFound('The document', 'id');
  if (document.request === null) {
    if (document.uploadedById !== caller.userId) throw notFound('The document', 'id');
    return document;
  }
  await readableRequest(em, caller, document.request.id);
  if (document.message && !(await em.findOne(Message, { $and: [{ id: document.message.id }, visibleMessages(caller)] }))) throw notFound('The document', 'id');
  return document;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `POST /uploads/documents` (raw body, `content-type`, `x-file-name` URI-encoded) → the new document's id. */
export const documentUploadRoute = (orm: MikroORM, files: FileStore, secret: string) =>
  uploadRoute('/uploads/documents', secret, async (caller, req, body) => {
    if (caller.role === 'ANALYST') throw forbidden('Analysts read; they do not upload.');
    const document = await storeUpload(orm.em.fork(), files, caller, {
      fileName: decodeURIComponent(header(req, 'x-file-name') ?? ''),
      contentType: header(req, 'content-type') ?? '',
      body,
    });
    return { id: document.id, fileName: document.fileName, contentType: document.contentType, size: document.size };
  });

/** `GET /downloads/documents/<id>`, for whoever may read the document. */
export const documentDownloadRoute = (orm: MikroORM, files: FileStore, secret: string) =>
  downloadRoute(/^\/downloads\/documents\/([0-9a-f-]{36})$/, secret, async (caller, [id]) => {
    const document = await readableDocument(orm.em.fork(), caller, id!);
    return { body: await files.get(document.storageKey), contentType: document.contentType, fileName: document.fileName };
  });
