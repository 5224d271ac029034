import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { getIntrospectionQuery, Kind, parse } from 'graphql';
import pino from 'pino';
import { DEFAULT_LIMITS, manifestOf, TrustedDocuments } from '@nuage/gateway';
import { Role } from '@nuage/contracts';
import type { Identity } from '@nuage/platform';
import { PEOPLE } from '../src/journey.js';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { SUBGRAPHS } from '../src/paths.js';
import { readPrometheus } from '../src/metrics-client.js';

/** The gateway's limits, demand control, rates, timeouts and HTTP conventions, through real gateways. */
let stack: TestStack;
const { beneficiary, ovh, analyst } = PEOPLE;
const examplesPath = new URL('../../../gateway/examples.graphql', import.meta.url);

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; path?: unknown[]; extensions?: any }[] };
}

/** A raw POST to a gateway: the status and headers matter here as much as the body. */
async function post(
  url: string,
  identity: Identity | null,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(identity ? { authorization: `Bearer ${await stack.tokenFor(identity)}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** GraphQL requests the subgraphs have served so far, from their own counters. */
async function subgraphCalls(): Promise<number> {
  const counts = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const metrics = await readPrometheus(stack.subgraphs[name].url, stack.keysEnvironment.METRICS_TOKENS);
      return metrics.get('nuage_graphql_requests_total') ?? 0;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

const nested = (levels: number, open: (i: number) => string, leaf: string) =>
  `${Array.from({ length: levels }, (_, i) => `${open(i)} {`).join(' ')} ${leaf} ${'}'.repeat(levels)}`;
const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
const GUIDED = '{ matchCount }';
const guidedChoice = 'evaluateGuidedChoice(input: { answers: [] })';

describe('operation limits', () => {
  const deepPeople = `{ me ${nested(15, (i) => (i % 2 ? 'people' : 'entity'), 'id')} }`;
  it.each([
    ['a small query', beneficiary, '{ me { name } }', null],
    ['31 levels of me → entity → people', beneficiary, deepPeople, 'DEPTH'],
    [
      '10 levels',
      beneficiary,
      '{ requests(first: 1) { edges { node { proposals { request { proposals { request { proposals { request { id } } } } } } } } } }',
      null,
    ],
    [
      'brands(first: 100) → solutions → brand, four times',
      analyst,
      `{ brands(first: 100) { edges { node { ${'solutions { brand { '.repeat(4)}name${' } }'.repeat(4)} } } } }`,
      'DEPTH',
    ],
    ['500 aliases of evaluateGuidedChoice', beneficiary, `{ ${aliases(500, `${guidedChoice} ${GUIDED}`)} }`, 'TOKENS'],
    [
      '1,000 aliases of requests(first: 100)',
      beneficiary,
      `{ ${aliases(1000, 'requests(first: 100) { totalCount }')} }`,
      'TOKENS',
    ],
    ['16 aliases', beneficiary, `{ ${aliases(16, '__typename')} }`, 'ALIASES'],
    ['15 aliases', beneficiary, `{ ${aliases(15, '__typename')} }`, null],
    [
      '11 root fields',
      analyst,
      `{ ${Array.from({ length: 11 }, (_, i) => `f${i}: me { name }`).join(' ')} }`,
      'ROOT_FIELDS',
    ],
    [
      '11 root fields, no alias',
      analyst,
      `{ me { name } brands { totalCount } markets { name } questionnaire { code } incidentTypes { code } dashboard { requestsInProgress } orders { totalCount } requests { totalCount } incidents { totalCount } notifications { totalCount } products { totalCount } }`,
      'ROOT_FIELDS',
    ],
    [
      '11 directives',
      beneficiary,
      `{ me { ${Array.from({ length: 11 }, () => 'name @include(if: true)').join(' ')} } }`,
      'DIRECTIVES',
    ],
    ['2,001 tokens', beneficiary, `{ me { ${'name '.repeat(1997)} } }`, 'TOKENS'],
    [
      'four nested introspection lists',
      null,
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      'INTROSPECTION_DEPTH',
    ],
    ["GraphiQL's own introspection, without a token", null, getIntrospectionQuery(), null],
    [
      'fragments spreading each other twice, 30 times over',
      beneficiary,
      `{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ${i === 29 ? 'x: __typename' : `...F${i + 1} ...F${i + 1}`} }`).join(' ')}`,
      'ALIASES',
    ],
  ] as const)('%s', async (_case, identity, query, limit) => {
    const before = await subgraphCalls();
    const { status, body } = await post(stack.gatewayUrl, identity, { query });
    if (limit === null) {
      expect(body.errors).toBeUndefined();
      return;
    }
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_LARGE', limit });
    expect(body.errors?.[0]?.extensions.requestId).toEqual(expect.any(String));
    expect(await subgraphCalls()).toBe(before);
  });

  it('says in the caller’s language which limit, its maximum and what the operation has', async () => {
    const { body } = await post(
      stack.gatewayUrl,
      beneficiary,
      { query: `{ ${aliases(16, '__typename')} }` },
      {
        'accept-language': 'en',
      },
    );
    expect(body.errors?.[0]).toMatchObject({
      message: 'The operation is too large: at most 15 aliases, it has 16.',
      extensions: { code: 'OPERATION_TOO_LARGE', limit: 'ALIASES', maximum: 15, actual: 16 },
    });
  });

  it('refuses an anonymous 5 MB body with 413, before reading it', async () => {
    const query = `{ ${aliases(200_000, '__typename')} }`;
    const before = await subgraphCalls();
    const { status, body, headers } = await post(stack.gatewayUrl, null, { query });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(body.errors?.[0]?.extensions.requestId).toBe(headers.get('x-request-id'));
    expect(await subgraphCalls()).toBe(before);
  });

  it('lets every example operation through, as GraphiQL sends them (the whole document)', async () => {
    const examples = readFileSync(examplesPath, 'utf8');
    const names = parse(examples).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
    );
    expect(names.length).toBeGreaterThan(25);
    for (const operationName of names) {
      // The analyst writes nothing: mutations are refused in their payloads, after the limits.
      const { body, headers } = await post(stack.gatewayUrl, analyst, { query: examples, operationName });
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, operationName).not.toContain('OPERATION_TOO_LARGE');
      expect(codes, operationName).not.toContain('OPERATION_TOO_COSTLY');
      expect(Number(headers.get('x-operation-cost')), operationName).toBeGreaterThan(0);
    }
  });
});

describe('demand control', () => {
  it.each([
    ['an object and a scalar', '{ me { name } }', {}, 1],
    ['a count', '{ brands { totalCount } }', {}, 1],
    // the connection 1, then 3 edges × (edge 1 + node 1)
    ['a page of 3 brands', '{ brands(first: 3) { edges { node { name } } } }', {}, 7],
    ['a page sized by a variable', 'query($n: Int) { brands(first: $n) { edges { node { name } } } }', { n: 50 }, 101],
    // no `first`: the default page of 20; proposals, a list without a declared size: 10
    ['the default page, with an unsized list', '{ requests { edges { node { proposals { id } } } } }', {}, 241],
    // the search weighs 1,000 (declared by the requests subgraph), then 1 edge × (edge 1 + node 1)
    ['a search', '{ search(query: "cloud", first: 1) { edges { node { kind } } } }', {}, 1002],
    // a mutation's root field weighs 10, its `errors` list 10 × 1
    ['a mutation', 'mutation { markAllNotificationsRead { errors { code } } }', {}, 20],
  ])('%s', async (_case, query, variables, cost) => {
    const { headers, body } = await post(stack.gatewayUrl, analyst, { query, variables });
    expect(body.errors?.filter((e) => e.extensions?.code === 'OPERATION_TOO_COSTLY') ?? []).toEqual([]);
    expect(Number(headers.get('x-operation-cost'))).toBe(cost);
  });

  it.each([
    [
      'brands(first: 100) → solutions → brand, twice',
      '{ brands(first: 100) { edges { node { solutions { brand { solutions { brand { name } } } } } } } }',
      'brands.edges.node.solutions.brand.solutions.brand',
    ],
    [
      'first: 100 at every level of requests → proposals → request → proposals → lines',
      '{ requests(first: 100) { edges { node { proposals { request { proposals { lines { designation } } } } } } } }',
      'requests.edges.node.proposals.request.proposals.lines',
    ],
  ])('refuses %s, naming the costliest path', async (_case, query, path) => {
    const before = await subgraphCalls();
    const { status, body } = await post(stack.gatewayUrl, analyst, { query });
    expect(status).toBe(400);
    const extensions = body.errors?.[0]?.extensions;
    expect(extensions).toMatchObject({ code: 'OPERATION_TOO_COSTLY', maximumCost: 5000 });
    expect(extensions.estimatedCost).toBeGreaterThan(5000);
    expect(extensions.costliestPath.startsWith(path)).toBe(true);
    expect(await subgraphCalls()).toBe(before);
  });
});

describe('rate limits per caller', () => {
  it('answers 429 with Retry-After once a person has spent their burst, and lets others on', async () => {
    const gateway = await stack.gateway({
      limits: { rateLimits: { ...DEFAULT_LIMITS.rateLimits, BENEFICIARY: { burst: 3, perSecond: 0.2 } } },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await post(gateway.url, beneficiary, { query: '{ me { name } }' })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await post(gateway.url, beneficiary, { query: '{ me { name } }' }, { 'accept-language': 'en' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('Too many requests from your account'),
        extensions: { code: 'RATE_LIMITED', bucket: 'person', requestId: refused.headers.get('x-request-id') },
      });
      // The manager's bucket is their own.
      expect((await post(gateway.url, PEOPLE.manager, { query: '{ me { name } }' })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it("draws a supplier's calls from their brand's bucket too", async () => {
    const gateway = await stack.gateway({
      limits: {
        rateLimits: {
          ...DEFAULT_LIMITS.rateLimits,
          SUPPLIER: { burst: 10, perSecond: 1 },
          BRAND: { burst: 2, perSecond: 0.1 },
        },
      },
    });
    try {
      await post(gateway.url, ovh, { query: '{ me { name } }' });
      await post(gateway.url, ovh, { query: '{ me { name } }' });
      const refused = await post(gateway.url, ovh, { query: '{ me { name } }' });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', bucket: 'brand' });
      // Another brand's supplier is not held back.
      expect((await post(gateway.url, PEOPLE.aws, { query: '{ me { name } }' })).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});

/** A proxy in front of a subgraph that holds each call `delayMs` first: a slow subgraph. */
async function slowProxy(target: string, delayMs: number) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const timer = setTimeout(async () => {
        const answer = await fetch(target, {
          method: 'POST',
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }).catch(() => null);
        if (!answer) return void res.destroy();
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('timeouts', () => {
  it.each([
    ['its own deadline', { subgraphTimeoutMs: 300 }],
    ["the request's deadline", { requestTimeoutMs: 300 }],
  ])(
    'a subgraph slower than %s gives its fields an error with their path, and the rest of the answer',
    async (_case, limits) => {
      const slow = await slowProxy(stack.subgraphs.catalogue.url, 3_000);
      const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, stack.subgraphs[name].url]));
      const gateway = await stack.gateway({
        subgraphUrls: { ...subgraphUrls, catalogue: slow.url },
        limits: { ...limits, rateLimits: DEFAULT_LIMITS.rateLimits },
      });
      try {
        const { body } = await post(
          gateway.url,
          beneficiary,
          { query: '{ me { name } brands { totalCount } }' },
          {
            'accept-language': 'en',
          },
        );
        expect(body.data).toEqual({ me: { name: beneficiary.name }, brands: null });
        expect(body.errors).toEqual([
          expect.objectContaining({
            path: ['brands'],
            message: expect.stringContaining('did not answer in time'),
            extensions: expect.objectContaining({ code: 'SERVICE_TIMEOUT', service: 'catalogue' }),
          }),
        ]);
      } finally {
        await gateway.close();
        await slow.close();
      }
    },
  );
});

describe('HTTP conventions', () => {
  const ALLOWED = 'https://acheteurs.nuage-public.example';
  let corsGateway: Awaited<ReturnType<TestStack['gateway']>>;
  beforeAll(async () => {
    corsGateway = await stack.gateway({ corsOrigins: [ALLOWED] });
  });
  afterAll(() => corsGateway?.close());

  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('answers a preflight from an allowed origin, and gives a refused one no CORS header', async () => {
    const allowed = await preflight(corsGateway.url, ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const refused = await preflight(corsGateway.url, 'https://elsewhere.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // With no origin listed (the default), no CORS at all.
    expect((await preflight(stack.gatewayUrl, ALLOWED)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers and the request id, the one the caller gave', async () => {
    const { headers, body } = await post(
      stack.gatewayUrl,
      beneficiary,
      { query: '{ me { name } }' },
      {
        'x-request-id': 'client-chosen-id-42',
      },
    );
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-request-id')).toBe('client-chosen-id-42');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('compresses answers for clients that accept it', async () => {
    const query = '{ brands(first: 15) { edges { node { name legalCountry extraEuLegislation } } } }';
    for (const encoding of ['br', 'gzip']) {
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const call = http.request(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
        });
        stack.tokenFor(analyst).then((token) => {
          call.setHeader('authorization', `Bearer ${token}`);
          call.end(JSON.stringify({ query }));
        }, reject);
        call.on('response', resolve).on('error', reject);
      });
      response.resume();
      expect(response.headers['content-encoding']).toBe(encoding);
    }
  });

  it('serves the GraphiQL page compressed, with no placeholder token, revalidated by its ETag', async () => {
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    const html = await page.text();
    expect(html).toContain('Nuage Public — GraphiQL');
    expect(html).not.toContain('Bearer <');
    const etag = page.headers.get('etag')!;
    const again = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // Every inline script of the page is allowed by hash, and nothing else inline.
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).not.toContain("'unsafe-inline' 'sha256");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, script] of inline)
      expect(policy).toContain(`'sha256-${createHash('sha256').update(script!).digest('base64')}'`);
  });

  it('logs one access line per request: id, operation, role, cost, status, duration, and never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const gateway = await stack.gateway({ logger: pino({ level: 'info' }, sink) });
    try {
      const token = await stack.tokenFor(beneficiary);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query MyRequests { requests(first: 2) { totalCount } }' }),
      });
      await response.text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const access = lines.filter((line) => line.msg === 'request');
      expect(access).toEqual([
        expect.objectContaining({
          requestId: response.headers.get('x-request-id'),
          operationName: 'MyRequests',
          role: 'BENEFICIARY',
          cost: 1,
          status: 200,
          durationMs: expect.any(Number),
        }),
      ]);
      expect(JSON.stringify(lines)).not.toContain(token);
    } finally {
      await gateway.close();
    }
  });
});

describe('production switches', () => {
  let production: Awaited<ReturnType<TestStack['gateway']>>;
  beforeAll(async () => {
    production = await stack.gateway({
      exposure: { graphiql: false, anonymousIntrospection: false, fieldSuggestions: false },
    });
  });
  afterAll(() => production?.close());

  it('serves no GraphiQL page', async () => {
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
  });

  it('lets only callers with a token read the schema', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await post(production.url, null, { query });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const analystAnswer = await post(production.url, analyst, { query });
    expect(analystAnswer.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('suggests no field names in validation errors (development does)', async () => {
    const query = '{ me { nam } }';
    const closed = await post(production.url, beneficiary, { query });
    const open = await post(stack.gatewayUrl, beneficiary, { query });
    expect(open.body.errors?.[0]?.message).toContain('Did you mean');
    expect(closed.body.errors?.[0]?.message).not.toContain('Did you mean');
    expect(closed.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('trusted documents', () => {
  let trusted: Awaited<ReturnType<TestStack['gateway']>>;
  const manifest = manifestOf([readFileSync(examplesPath, 'utf8')]);
  const me = manifest.operations.find((operation) => operation.name === 'Me')!;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nuage-trusted-')), 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    trusted = await stack.gateway({ trustedDocuments: TrustedDocuments.load(file, [Role.BENEFICIARY]) });
  });
  afterAll(() => trusted?.close());

  it('runs a registered operation sent by its hash, or as its very text', async () => {
    const byHash = await post(trusted.url, beneficiary, {
      extensions: { persistedQuery: { version: 1, sha256Hash: me.id } },
    });
    expect(byHash.body.data?.me?.name).toBe(beneficiary.name);
    const byText = await post(trusted.url, beneficiary, { query: me.body });
    expect(byText.body.data?.me?.name).toBe(beneficiary.name);
  });

  it('refuses any other operation from a web client role, and no subgraph is called', async () => {
    const before = await subgraphCalls();
    const { status, body } = await post(trusted.url, beneficiary, { query: '{ me { name } }' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    const unknownHash = await post(trusted.url, beneficiary, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(unknownHash.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    expect(await subgraphCalls()).toBe(before);
  });

  it("keeps suppliers' systems free to send their own operations, within the limits", async () => {
    const { body } = await post(trusted.url, ovh, { query: '{ me { brand { name } } }' });
    expect(body.data?.me?.brand?.name).toMatch(/ovh/i);
  });
});
