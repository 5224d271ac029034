import { fileTypeFromBuffer } from 'file-type';
import { invalid, type ServiceSetup } from '@nuage/platform';
import { fileStoreFor } from './stores.js';

export type { FileStore } from './stores.js';
import type { FileStore } from './stores.js';

/** What people may attach: office documents, PDFs, images, text and archives, up to 10 MB each. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  types: new Map<string, string>([
    ['application/pdf', 'pdf'],
    ['image/png', 'png'],
    ['image/jpeg', 'jpg'],
    ['text/plain', 'txt'],
    ['text/csv', 'csv'],
    ['application/zip', 'zip'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
    ['application/vnd.oasis.opendocument.text', 'odt'],
    ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ]),
};

/** Types whose content is text: no binary signature, valid UTF-8. */
const TEXT_TYPES = new Set(['text/plain', 'text/csv']);
/** OpenDocument and OOXML files are ZIP archives: a ZIP may also be detected as one of these. */
const ZIP_FAMILY = new Set(
  [...ATTACHMENT_LIMITS.types.keys()].filter((t) => t.startsWith('application/vnd.') || t === 'application/zip'),
);

/** The file name sent percent-encoded in `x-file-name`; a malformed encoding is the caller's mistake. */
export function decodeFileName(header: string | undefined): string {
  try {
    return decodeURIComponent(header ?? '');
  } catch {
    throw invalid('x-file-name', {
      fr: 'Le nom du fichier est mal encodé : encodez-le en URI (par exemple 100%25.txt pour « 100%.txt »).',
      en: 'The file name is badly encoded: URI-encode it (e.g. 100%25.txt for "100%.txt").',
    });
  }
}

/** Whether the content is what its declared type says, from its first bytes (magic numbers). */
async function contentMatches(type: string, body: Buffer): Promise<boolean> {
  const detected = await fileTypeFromBuffer(body);
  if (TEXT_TYPES.has(type))
    return !detected && !body.includes(0) && Buffer.from(body.toString('utf8'), 'utf8').equals(body);
  if (!detected) return false;
  return (
    detected.mime === type ||
    (ZIP_FAMILY.has(type) &&
      ZIP_FAMILY.has(detected.mime) &&
      (type === 'application/zip' || detected.mime === 'application/zip'))
  );
}

/**
 * Checks an upload against the limits and its content against its declared type (a file
 * declared PDF must be one); the file name keeps only what is safe to show and store.
 */
export async function checkAttachment(fileName: string, contentType: string, body: Buffer): Promise<string> {
  const size = body.length;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!ATTACHMENT_LIMITS.types.has(type))
    throw invalid('content-type', {
      fr: `Les fichiers de type ${type || 'inconnu'} ne sont pas acceptés ; envoyez un PDF, un document bureautique, une image, du texte ou un ZIP.`,
      en: `Files of type ${type || 'unknown'} are not accepted; send PDF, office documents, images, text or ZIP.`,
    });
  if (size === 0) throw invalid('body', { fr: 'Le fichier est vide.', en: 'The file is empty.' });
  if (size > ATTACHMENT_LIMITS.maxBytes)
    throw invalid('body', {
      fr: `Le fichier pèse ${size} octets ; la limite est de ${ATTACHMENT_LIMITS.maxBytes} (10 Mo).`,
      en: `The file weighs ${size} bytes; the limit is ${ATTACHMENT_LIMITS.maxBytes} (10 MB).`,
    });
  const name = fileName
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a file name
    .replace(/[\\/\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, 200);
  if (!name)
    throw invalid('x-file-name', {
      fr: 'Nommez le fichier (en-tête x-file-name).',
      en: 'Name the file (header x-file-name).',
    });
  if (!(await contentMatches(type, body)))
    throw invalid('body', {
      fr: `Le contenu du fichier ne correspond pas au type déclaré (${type}).`,
      en: `The file's content does not match its declared type (${type}).`,
    });
  return name;
}

/** The subgraph's file store, chosen by `FILE_STORE` (see `stores.ts`): declare it in the subgraph's `services`. */
export const fileStoreOf = (setup: ServiceSetup): { files: FileStore } => ({ files: fileStoreFor(setup) });
