import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AwsClient } from 'aws4fetch';
import {
  BACKGROUND,
  setting,
  settingsFrom,
  settingTypes,
  sql,
  type ServiceSetup,
  type SettingsSpec,
} from '@nuage/platform';
import { z } from 'zod';

/**
 * Where a subgraph keeps the files people upload and the documents it issues: durable, shared by
 * all its replicas, addressed by a key of its own (`<upload id>/<name>`…).
 */
export interface FileStore {
  /**
   * Stores a new file; a key already used is refused (files are never overwritten). Given the
   * caller's unit of work, a store in the database writes in it: the file commits or rolls back with
   * the row that names it (and takes no second connection while the first is held).
   */
  put(key: string, body: Buffer, unitOfWork?: EntityManager): Promise<void>;
  /** The file's bytes; a key never stored (or deleted) is an error. */
  get(key: string): Promise<Buffer>;
  /** Removes a file; one already gone is not an error. */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[\w-]+(\/[\w.-]+)*$/;
const checked = (key: string) => {
  if (!SAFE_KEY.test(key)) throw new Error(`Unsafe file key: ${key}`);
  return key;
};

/** A file kept in the subgraph's own database: backed up, restored and replicated with the rows that name it. */
@Entity({ tableName: 'stored_file' })
export class StoredFile {
  @PrimaryKey({ type: 'string', length: 400 })
  key!: string;

  @Property({ type: 'blob' })
  body!: Buffer;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  storedAt?: Date;
}

/** Files in PostgreSQL (`bytea`, up to the uploads' 10 MB): the default, nothing else to run or back up. */
export class PostgresFileStore implements FileStore {
  constructor(private readonly orm: MikroORM) {}

  private get em() {
    return this.orm.em.fork({ loggerContext: BACKGROUND });
  }

  async put(key: string, body: Buffer, unitOfWork?: EntityManager): Promise<void> {
    await sql(
      unitOfWork ?? this.em,
      'insert into stored_file (key, body, size) values (?, ?, ?)',
      [checked(key), body, body.length],
      'run',
    );
  }

  async get(key: string): Promise<Buffer> {
    const [row] = await sql<{ body: Buffer }[]>(this.em, 'select body from stored_file where key = ?', [checked(key)]);
    if (!row) throw new Error(`No stored file ${key}.`);
    return row.body;
  }

  async delete(key: string): Promise<void> {
    await sql(this.em, 'delete from stored_file where key = ?', [checked(key)], 'run');
  }
}

export interface S3Location {
  /** The service's address: `https://s3.fr-par.scw.cloud`, `https://s3.eu-west-3.amazonaws.com`, a MinIO or Ceph gateway… */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys are `<prefix>/<subgraph>/<file key>` in the bucket. */
  prefix: string;
}

/** Files in an S3-compatible bucket (path-style addressing, SigV4 signatures), for large volumes. */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;

  constructor(private readonly location: S3Location) {
    this.client = new AwsClient({
      accessKeyId: location.accessKeyId,
      secretAccessKey: location.secretAccessKey,
      region: location.region,
      service: 's3',
    });
  }

  private url(key: string) {
    const { endpoint, bucket, prefix } = this.location;
    return `${endpoint.replace(/\/$/, '')}/${bucket}/${prefix}/${checked(key).split('/').map(encodeURIComponent).join('/')}`;
  }

  async put(key: string, body: Buffer): Promise<void> {
    // Never overwrite: a key already used is refused, as the database store does (If-None-Match
    // closes the race on services that honour it; the look first, on those that ignore it).
    const existing = await this.client.fetch(this.url(key), { method: 'HEAD' });
    if (existing.ok) throw new Error(`A file ${key} is already stored.`);
    const response = await this.client.fetch(this.url(key), {
      method: 'PUT',
      body: new Uint8Array(body),
      headers: { 'if-none-match': '*', 'content-length': String(body.length) },
    });
    if (!response.ok) throw new Error(`S3 refused to store ${key}: HTTP ${response.status}`);
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.client.fetch(this.url(key));
    if (!response.ok) throw new Error(`S3 has no file ${key}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.url(key), { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new Error(`S3 did not delete ${key}: HTTP ${response.status}`);
  }
}

const s3Only = (name: string) => `${name} (with \`FILE_STORE=s3\`).`;

/** What a subgraph that keeps files reads (add them to its `settings`). */
export const FILE_STORE_SETTINGS = {
  FILE_STORE: setting({
    schema: z.enum(['postgres', 's3']),
    default: 'postgres' as const,
    description:
      'Where uploaded files and issued documents are kept: `postgres` (the subgraph’s database) or `s3` (an S3-compatible bucket).',
  }),
  S3_ENDPOINT: setting({
    schema: settingTypes.url(/^https?$/).optional(),
    description: s3Only('The S3 service’s address'),
  }),
  S3_BUCKET: setting({ schema: settingTypes.optionalText, description: s3Only('The bucket') }),
  S3_REGION: setting({ schema: settingTypes.text, default: 'us-east-1', description: s3Only('The region signed for') }),
  S3_PREFIX: setting({
    schema: settingTypes.text,
    default: 'nuage',
    description: s3Only('The keys’ prefix in the bucket'),
  }),
  S3_ACCESS_KEY_ID: setting({ schema: settingTypes.optionalText, secret: true, description: s3Only('The access key') }),
  S3_SECRET_ACCESS_KEY: setting({
    schema: settingTypes.optionalText,
    secret: true,
    description: s3Only('The secret key'),
  }),
} satisfies SettingsSpec;

/** The store its settings name, for one subgraph. */
export function fileStoreFor({ name, settings, orm }: Pick<ServiceSetup, 'name' | 'settings' | 'orm'>): FileStore {
  const chosen = settingsFrom(settings, FILE_STORE_SETTINGS);
  if (chosen.FILE_STORE === 'postgres') return new PostgresFileStore(orm);
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = chosen;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY)
    throw new Error('FILE_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.');
  return new S3FileStore({
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: chosen.S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    prefix: `${chosen.S3_PREFIX}/${name}`,
  });
}
