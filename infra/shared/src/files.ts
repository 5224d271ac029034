import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { invalid } from './errors';

/** Where a subgraph keeps the files people upload: durable, addressed by a key of its own. */
export interface FileStore {
  put(key: string, body: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

/** Files on the local disk (the default; `FILES_DIR`), written atomically enough for one writer per key. */
export class FilesystemStore implements FileStore {
  constructor(private readonly root: string) {}

  private path(key: string) {
    if (!/^[\w-]+(\/[\w.-]+)*$/.test(key)) throw new Error(`Unsafe file key: ${key}`);
    return join(this.root, key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body, { flag: 'wx' });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }
}

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

/** Checks an upload against the limits; the file name keeps only what is safe to show and store. */
export function checkAttachment(fileName: string, contentType: string, size: number): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!ATTACHMENT_LIMITS.types.has(type)) throw invalid('content-type', `Files of type ${type || 'unknown'} are not accepted; send PDF, office documents, images, text or ZIP.`);
  if (size === 0) throw invalid('body', 'The file is empty.');
  if (size > ATTACHMENT_LIMITS.maxBytes) throw invalid('body', `The file weighs ${size} bytes; the limit is ${ATTACHMENT_LIMITS.maxBytes} (10 MB).`);
  const name = fileName.replace(/[\\/\u0000-\u001f]/g, '_').trim().slice(0, 200);
  if (!name) throw invalid('x-file-name', 'Name the file (header x-file-name).');
  return name;
}
