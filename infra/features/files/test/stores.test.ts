import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseName, databaseUrl, ensureDatabases } from '@nuage/platform';
import type {} from '@nuage/platform/testing';
import { PostgresFileStore, S3FileStore, StoredFile, type FileStore } from '../src/index.js';

/** The same contract for every store: what the subgraphs rely on, whichever the operator chose. */
const stores: Record<string, { open: () => Promise<FileStore>; close: () => Promise<void> }> = {
  postgres: (() => {
    let orm: MikroORM | undefined;
    return {
      open: async () => {
        const service = { service: 'files', databasePrefix: `f${randomBytes(4).toString('hex')}` };
        await ensureDatabases(inject('databaseUrl'), [databaseName(service)]);
        orm = await MikroORM.init({ clientUrl: databaseUrl(inject('databaseUrl'), service), entities: [StoredFile] });
        await orm.schema.create();
        return new PostgresFileStore(orm);
      },
      close: async () => orm?.close(),
    };
  })(),
  s3: (() => {
    let server: S3rver | undefined;
    return {
      open: async () => {
        server = new S3rver({
          address: '127.0.0.1',
          port: 0,
          silent: true,
          directory: mkdtempSync(join(tmpdir(), 'nuage-s3-')),
          configureBuckets: [{ name: 'nuage-files', configs: [] }],
        });
        const { port } = (await server.run()) as { port: number };
        return new S3FileStore({
          endpoint: `http://127.0.0.1:${port}`,
          bucket: 'nuage-files',
          region: 'us-east-1',
          // s3rver's built-in account: it checks SigV4 signatures made with it.
          accessKeyId: 'S3RVER',
          secretAccessKey: 'S3RVER',
          prefix: 'nuage/requests',
        });
      },
      close: async () => server?.close(),
    };
  })(),
};

describe.each(Object.keys(stores))('the %s file store', (kind) => {
  let store: FileStore;
  beforeAll(async () => {
    store = await stores[kind]!.open();
  });
  afterAll(() => stores[kind]!.close());

  it('gives back the exact bytes it was given, under their key', async () => {
    const body = randomBytes(256 * 1024);
    await store.put('0b7c2c1e-0d4b-4b8e-9a57-c7a0d1a8f001/Cahier des charges.pdf'.replace(/ /g, '_'), body);
    expect((await store.get('0b7c2c1e-0d4b-4b8e-9a57-c7a0d1a8f001/Cahier_des_charges.pdf')).equals(body)).toBe(true);
  });

  it('never overwrites a file: a key already used is refused and the first bytes stay', async () => {
    await store.put('keys/once.txt', Buffer.from('first'));
    await expect(store.put('keys/once.txt', Buffer.from('second'))).rejects.toThrow();
    expect((await store.get('keys/once.txt')).toString()).toBe('first');
  });

  it('deletes a file (twice is not an error), after which it cannot be read', async () => {
    await store.put('keys/gone.txt', Buffer.from('bye'));
    await store.delete('keys/gone.txt');
    await store.delete('keys/gone.txt');
    await expect(store.get('keys/gone.txt')).rejects.toThrow();
  });

  it('refuses keys that could escape their place', async () => {
    await expect(store.put('../other-subgraph/x', Buffer.from('x'))).rejects.toThrow(/Unsafe file key/);
    await expect(store.get('a//b')).rejects.toThrow(/Unsafe file key/);
  });
});
