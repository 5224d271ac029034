import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import compression from 'compression';
import cors from 'cors';
import helmet from 'helmet';
import { REQUEST_ID_HEADER, type Logger, type Middleware, type Route } from '@nuage/platform';
import type { GraphiqlPage } from './graphiql.js';

/** What the access log says of a GraphQL request, once the gateway has read it. */
export interface AccessFacts {
  operationName?: string;
  role?: string;
  cost?: number;
}

/**
 * Security headers on every answer (helmet's defaults: `X-Content-Type-Options: nosniff`,
 * `X-Frame-Options`, HSTS, no `X-Powered-By`…), with a Content-Security-Policy that lets the
 * GraphiQL page run its own two inline scripts (by hash) and nothing else, and no framing
 * (`frame-ancestors 'none'`). Pages with stricter needs (account activation) set their own.
 */
export function securityHeaders(graphiql: GraphiqlPage | undefined): Middleware {
  return helmet({
    xFrameOptions: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...(graphiql?.scriptHashes ?? [])],
        // GraphiQL's editor sets styles inline and runs its language service in a worker.
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
  }) as Middleware;
}

/**
 * CORS by allow-list: browsers of the listed origins may call the API (preflights answered,
 * `x-request-id`, `x-operation-cost` and `retry-after` readable); other origins get no CORS header,
 * so their browsers refuse. No list, no CORS at all.
 */
export function corsPolicy(origins: string[]): Middleware[] {
  if (!origins.length) return [];
  return [
    cors({
      origin: origins,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'content-type',
        'authorization',
        'accept-language',
        REQUEST_ID_HEADER,
        'apollo-require-preflight',
      ],
      exposedHeaders: [REQUEST_ID_HEADER, 'x-operation-cost', 'retry-after'],
      maxAge: 600,
    }) as Middleware,
  ];
}

/** gzip or brotli (quality 5: fast enough for answers made per request) for bodies over 1 KB. */
export const compressResponses = (): Middleware =>
  compression({ threshold: 1024, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } }) as Middleware;

const ENCODERS = {
  br: (body: Buffer) =>
    promisify(zlib.brotliCompress)(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body: Buffer) => promisify(zlib.gzip)(body, { level: 9 }),
} as const;

const isPageRequest = (req: IncomingMessage, url: URL) =>
  req.method === 'GET' &&
  (url.pathname === '/' || url.pathname === '/graphql') &&
  !url.searchParams.has('query') &&
  (req.headers.accept ?? '').includes('text/html');

/**
 * The GraphiQL page (9 MB): compressed once per encoding, on first demand, off the event loop;
 * revalidated by ETag (`304` when the browser has it), so a second visit costs nothing.
 */
export function graphiqlRoute(page: GraphiqlPage): Route {
  const body = Buffer.from(page.html);
  const encoded: Partial<Record<keyof typeof ENCODERS, Promise<Buffer>>> = {};
  return async (req, res, url) => {
    if (!isPageRequest(req, url)) return false;
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      etag: page.etag,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    };
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = (['br', 'gzip'] as const).find((name) => accepted.includes(name));
    if (!encoding) {
      res.writeHead(200, headers).end(body);
      return true;
    }
    encoded[encoding] ??= ENCODERS[encoding](body);
    res.writeHead(200, { ...headers, 'content-encoding': encoding }).end(await encoded[encoding]);
    return true;
  };
}

/**
 * One line per request once answered: request id, method, path, operation, caller's role,
 * estimated cost, status and duration. Never a header's value: no token reaches the log.
 */
export function accessLog(logger: Logger, factsOf: (req: IncomingMessage) => AccessFacts | undefined): Middleware {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const facts = factsOf(req);
      logger.info(
        {
          requestId: res.getHeader(REQUEST_ID_HEADER),
          method: req.method,
          path: (req.url ?? '/').split('?')[0],
          operationName: facts?.operationName,
          role: facts?.role ?? 'ANONYMOUS',
          cost: facts?.cost,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
