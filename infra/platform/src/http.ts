import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from './logger.js';
import { DomainError, invalid, unauthenticated } from './errors.js';
import { ErrorCode, INTERNAL_SERVER_ERROR, PAYLOAD_TOO_LARGE } from '@nuage/contracts';
import { IDENTITY_HEADER, isServiceCall, verifyIdentity, type Identity } from './identity.js';
import type { ServiceMetrics } from './metrics.js';
import type { KeyRing } from './signing.js';
import { localeFrom } from './i18n.js';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequest } from './request-scope.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Extra routes beside GraphQL (downloads, event delivery…): return false to fall through. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;

/** Connect-style middleware (helmet, cors, compression…), run before any route: call `next` to go on. */
export type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void;

/** A GraphQL request as it came: the JSON body of a POST, or the query string of a GET. */
export interface GraphQLRequestParams {
  body: unknown;
  search: string;
}

export interface HttpServiceOptions<C extends BaseContext> {
  name: string;
  apollo: ApolloServer<C>;
  context: (req: http.IncomingMessage, request: GraphQLRequestParams) => Promise<C>;
  /** The largest body a GraphQL request may have, in bytes (10 MiB by default); beyond, 413. */
  maxBodyBytes?: (req: http.IncomingMessage) => number;
  /** Run on every request, in order, before the routes (the gateway's HTTP conventions). */
  middleware?: Middleware[];
  /** Whether the service can serve (its own database…), for `/ready`: quick, bounded, never another service's `/ready`. */
  ready: () => Promise<boolean>;
  port: number;
  host?: string;
  logger: Logger;
  routes?: Route[];
  /** `/metrics` in Prometheus' text format, to callers bearing one of these tokens (`Authorization: Bearer …`). */
  metrics?: { tokens: KeyRing; registry: ServiceMetrics['registry'] };
}

export interface RunningHttpService {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * A request's body, or null once it passes `limit` bytes: a body declared too large is not read at
 * all; one that grows past the limit stops being kept and the rest is read and dropped, so that
 * the caller gets its answer (413…) rather than a reset connection.
 */
export function readBodyUpTo(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * A GET route for the platform's own services only (a call signed with the identity keys, see
 * `signServiceCall`), answering JSON (404 when `answer` gives null).
 */
export function internalRoute(pattern: RegExp, keys: KeyRing, answer: (params: string[]) => Promise<unknown>): Route {
  return async (req, res, url) => {
    const match = pattern.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    if (!isServiceCall(req.headers.authorization, keys)) sendJson(res, 401, { error: 'internal callers only' });
    else {
      const body = await answer(match.slice(1));
      sendJson(res, body === null ? 404 : 200, body ?? { error: 'not found' });
    }
    return true;
  };
}

async function serveMetrics(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  metrics: NonNullable<HttpServiceOptions<BaseContext>['metrics']>,
) {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token || !metrics.tokens.holds(token)) return sendJson(res, 401, { error: 'a metrics token is required' });
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
}

/**
 * Serves an Apollo Server on node:http with `/health` (the process is up) and `/ready` (it can
 * serve). GraphQL answers at `/graphql` and `/`.
 */
export async function serveHttp<C extends BaseContext>(options: HttpServiceOptions<C>): Promise<RunningHttpService> {
  const { apollo, logger } = options;
  await apollo.start();

  const server = http.createServer((req, res) => {
    // Every request runs with its id (from the caller or the gateway, or a new one) and language,
    // so that logs and errors name it wherever they are written.
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // A caller that closes the connection before the answer abandons the request: the gateway
    // stops its subgraph calls, a subgraph stops resolving fields (see `assertStillWanted`).
    const abandoned = new AbortController();
    res.once('close', () => {
      if (res.writableFinished) return;
      abandoned.abort();
      logger.info({ requestId, path: req.url }, 'request abandoned by its caller: the rest of its work is dropped');
    });
    void runInRequest(
      { requestId, locale: localeFrom(req.headers['accept-language']), signal: abandoned.signal, awaitedJobs: [] },
      () => throughMiddleware(req, res, () => handle(req, res, requestId)),
    );
  });
  const throughMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, last: () => Promise<void>) => {
    const chain = options.middleware ?? [];
    const next = (index: number) => (error?: unknown) => {
      if (error) {
        logger.error({ err: error, path: req.url }, 'middleware failed');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error.' }] });
        return;
      }
      const middleware = chain[index];
      if (middleware) middleware(req, res, next(index + 1));
      else void last();
    };
    next(0)();
  };
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, requestId: string) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: options.name });
      if (url.pathname === '/ready') {
        const ready = await options.ready();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: options.name });
      }
      if (url.pathname === '/metrics' && options.metrics) return serveMetrics(req, res, options.metrics);
      for (const route of options.routes ?? []) if (await route(req, res, url)) return;
      if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: 'not found' });

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const limit = options.maxBodyBytes?.(req) ?? MAX_BODY_BYTES;
      const received = req.method === 'POST' ? await readBodyUpTo(req, limit) : Buffer.alloc(0);
      if (!received) throw Object.assign(new Error('Request body too large'), { status: 413, limit });
      const raw = received.toString('utf8');
      let body: unknown;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: 'The body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req, { body, search: url.search }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return void res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) logger.error({ err: error, path: url.pathname, requestId }, 'request failed');
      if (status === 413) res.setHeader('connection', 'close');
      if (!res.headersSent)
        sendJson(res, status, {
          errors: [
            {
              message:
                status === 413
                  ? localeFrom(req.headers['accept-language']) === 'en'
                    ? `The request's body passes ${(error as { limit: number }).limit} bytes.`
                    : `Le corps de la requête dépasse ${(error as { limit: number }).limit} octets.`
                  : 'Internal error.',
              extensions: { code: status === 413 ? PAYLOAD_TOO_LARGE : INTERNAL_SERVER_ERROR, requestId },
            },
          ],
        });
      else res.end();
    }
  };
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, `${options.name} ready`);

  return {
    url,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests in flight get a moment to finish; then what is left (e.g. an upload the client
        // never completed) is cut rather than held until its keep-alive timeout.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      await apollo.stop();
    },
  };
}

/** A file served for download. */
export interface Download {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
};

/** Runs a route's work for the identity the gateway signed; refusals answer with their status and `{ error }`. */
async function asSignedCaller(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  keys: KeyRing,
  work: (identity: Identity) => Promise<void>,
) {
  try {
    const header = req.headers[IDENTITY_HEADER];
    const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, keys);
    if (!identity) throw unauthenticated();
    await work(identity);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = error.reason[localeFrom(req.headers['accept-language'])];
    sendJson(res, STATUS_OF[error.code], {
      error: { code: error.code, ...(error.field ? { field: error.field } : {}), message },
    });
  }
}

/**
 * A GET route that serves a file to the identity the gateway signed (the gateway proxies
 * `/downloads/<subgraph>/…` here). Refusals answer with their status and `{ error: { code, message } }`.
 */
export function downloadRoute(
  pattern: RegExp,
  keys: KeyRing,
  serve: (identity: Identity, params: string[]) => Promise<Download>,
): Route {
  return async (req, res, url) => {
    const match = pattern.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    await asSignedCaller(req, res, keys, async (identity) => {
      const file = await serve(identity, match.slice(1));
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': file.body.length,
        'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.body);
    });
    return true;
  };
}

/** Reads a request body up to `limit` bytes; beyond, a typed refusal (413) without reading the rest. */
/**
 * A POST route that receives a file from the identity the gateway signed (the gateway proxies
 * `/uploads/<subgraph>/…` here) and answers 201 with the handler's JSON.
 */
export function uploadRoute(
  path: string,
  keys: KeyRing,
  receive: (identity: Identity, req: http.IncomingMessage, body: Buffer) => Promise<unknown>,
  limit = 10 * 1024 * 1024,
): Route {
  return async (req, res, url) => {
    if (url.pathname !== path || req.method !== 'POST') return false;
    await asSignedCaller(req, res, keys, async (identity) => {
      const body = await readBodyUpTo(req, limit);
      if (!body)
        throw invalid('body', {
          fr: `Le fichier dépasse la limite de ${limit} octets.`,
          en: `The file is larger than the limit of ${limit} bytes.`,
        });
      sendJson(res, 201, await receive(identity, req, body));
    });
    if (!req.complete) req.resume();
    return true;
  };
}
