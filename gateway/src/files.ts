import { Readable } from 'node:stream';
import { DomainError, IDENTITY_HEADER, signIdentity, type Identity, type KeyRing, type Route } from '@nuage/platform';

export interface DownloadProxyOptions {
  verify: (authorization: string | undefined) => Promise<Identity | null>;
  subgraphUrls: Record<string, string>;
  /** The identity keys, to sign the caller for the subgraph that owns the file. */
  keys: KeyRing;
}

const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
];
const UPLOAD_HEADERS = ['content-type', 'content-length', 'x-file-name'];

/**
 * Files (reports, attachments) are served and received by the subgraph that owns them, behind the
 * gateway: `GET /downloads/<subgraph>/<path>` and `POST /uploads/<subgraph>/<path>` with the
 * caller's bearer token are forwarded to the subgraph's `/downloads/<path>` or `/uploads/<path>`
 * with the identity signed, as GraphQL requests are; the subgraph checks rights and limits.
 */
export function fileProxy(options: DownloadProxyOptions): Route {
  return async (req, res, url) => {
    const match = /^\/(downloads|uploads)\/([a-z]+)(\/.+)$/.exec(url.pathname);
    const direction = match?.[1];
    if (!match || (direction === 'downloads' ? req.method !== 'GET' : req.method !== 'POST')) return false;
    const [, , subgraph, path] = match as unknown as [string, string, string, string];
    const target = options.subgraphUrls[subgraph];
    if (!target) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such download.' } }));
      return true;
    }
    let identity: Identity | null;
    try {
      identity = await options.verify(req.headers.authorization);
    } catch (error) {
      identity = null;
      if (!(error instanceof DomainError)) throw error;
    }
    if (!identity) {
      if (req.method === 'POST') req.resume();
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Send a valid bearer token.' } }));
      return true;
    }
    const upload = direction === 'uploads';
    const upstream = await fetch(new URL(`/${direction}${path}`, target), {
      method: req.method,
      headers: {
        [IDENTITY_HEADER]: signIdentity(identity, options.keys),
        ...(req.headers['accept-language'] ? { 'accept-language': String(req.headers['accept-language']) } : {}),
        ...(upload
          ? Object.fromEntries(
              UPLOAD_HEADERS.flatMap((name) => (req.headers[name] ? [[name, String(req.headers[name])]] : [])),
            )
          : {}),
      },
      ...(upload ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    const headers = Object.fromEntries(
      PASSED_HEADERS.flatMap((name) => (upstream.headers.has(name) ? [[name, upstream.headers.get(name)!]] : [])),
    );
    res.writeHead(upstream.status, headers);
    if (upstream.body) Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
    else res.end();
    return true;
  };
}
