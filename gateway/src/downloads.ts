import { Readable } from 'node:stream';
import { DomainError, IDENTITY_HEADER, signIdentity, type Identity, type Route } from '@nuage/shared';

export interface DownloadProxyOptions {
  verify: (authorization: string | undefined) => Promise<Identity | null>;
  subgraphUrls: Record<string, string>;
  internalSecret: string;
}

const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control'];

/**
 * Files (reports, attachments) are served by the subgraph that owns them, behind the gateway:
 * `GET /downloads/<subgraph>/<path>` with the caller's bearer token is forwarded to the subgraph's
 * `/downloads/<path>` with the identity signed, as GraphQL requests are; the subgraph checks rights.
 */
export function downloadProxy(options: DownloadProxyOptions): Route {
  return async (req, res, url) => {
    const match = /^\/downloads\/([a-z]+)(\/.+)$/.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    const [, subgraph, path] = match as unknown as [string, string, string];
    const target = options.subgraphUrls[subgraph];
    if (!target) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such download.' } }));
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
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Send a valid bearer token.' } }));
      return true;
    }
    const upstream = await fetch(new URL(`/downloads${path}`, target), {
      headers: {
        [IDENTITY_HEADER]: signIdentity(identity, options.internalSecret),
        ...(req.headers['accept-language'] ? { 'accept-language': String(req.headers['accept-language']) } : {}),
      },
    });
    const headers = Object.fromEntries(PASSED_HEADERS.flatMap((name) => (upstream.headers.has(name) ? [[name, upstream.headers.get(name)!]] : [])));
    res.writeHead(upstream.status, headers);
    if (upstream.body) Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
    else res.end();
    return true;
  };
}
