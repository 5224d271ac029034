import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { identityOf, SEED_BRANDS, seedPeople } from '@nuage/fixtures';
import { signToken } from '../src/keys.js';
import { startStack, type RunningStack } from '../src/stack.js';

/** A span as OTLP/HTTP JSON carries it, with the service that emitted it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** A local OTLP/HTTP receiver: what a collector would get from the services. */
const spans: ReceivedSpan[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (req.url !== '/v1/traces') return void res.writeHead(404).end();
    const body = JSON.parse((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
    for (const resource of body.resourceSpans ?? []) {
      const service = resource.resource.attributes.find((a: any) => a.key === 'service.name')?.value.stringValue;
      for (const scope of resource.scopeSpans ?? [])
        for (const span of scope.spans ?? [])
          spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            kind: span.kind,
            attributes: Object.fromEntries(
              (span.attributes ?? []).map((a: any) => [a.key, Object.values(a.value ?? {})[0]]),
            ),
          });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

/** What `find` finds, once it does (spans arrive in batches). */
async function until<T>(find: () => T | undefined, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not found within ${withinMs} ms (${spans.length} spans received)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const isSql = (span: ReceivedSpan) =>
  span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql';

let stack: RunningStack;
const logs: string[] = [];
const keysDir = mkdtempSync(`${tmpdir()}/nuage-otel-keys-`);

beforeAll(async () => {
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const endpoint = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  // Spans leave in batches; a short delay so the test sees them quickly.
  const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
  stack = await startStack({
    databaseUrl: inject('databaseUrl'),
    databasePrefix: `otel${randomBytes(4).toString('hex')}`,
    gatewayPort: 0,
    firstSubgraphPort: 0,
    keysDir,
    output: (line) => logs.push(line),
    environment: tracing,
    // Its access log line, at info, names the trace of the request.
    gatewayEnvironment: { ...tracing, LOG_LEVEL: 'info' },
  });
});
afterAll(async () => {
  await stack?.stop();
  receiver.close();
  rmSync(keysDir, { recursive: true, force: true });
});

describe('traces, with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  it('follow one federated query from the gateway through each subgraph it calls down to SQL, in one trace', async () => {
    const analyst = seedPeople(SEED_BRANDS).find((p) => p.key === 'analyst')!;
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await signToken(stack.keys, identityOf(analyst))}`,
      },
      body: JSON.stringify({
        query: 'query TracedBrands { me { name entity { name } } brands(first: 3) { totalCount } }',
      }),
    });
    expect(response.status).toBe(200);
    // The gateway's server span for this request, named by the HTTP instrumentation.
    const root = await until(
      () => spans.find((s) => s.service === 'nuage-gateway' && s.kind === 2 && s.parentSpanId === undefined),
      15_000,
    );
    const trace = () => spans.filter((s) => s.traceId === root.traceId);
    const byId = (id?: string) => trace().find((s) => s.spanId === id);
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parent = byId(span.parentSpanId);
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    // Each subgraph called (requests for `me`, catalogue for `brands`) serves the gateway's call in the
    // same trace, and its SQL statements are spans beneath its own.
    const called = ['nuage-requests', 'nuage-catalogue'];
    await until(() => {
      const served = (service: string) => trace().some((s) => s.service === service && s.kind === 2);
      const queried = (service: string) => trace().some((s) => s.service === service && isSql(s));
      return called.every((service) => served(service) && queried(service)) || undefined;
    }, 15_000);
    for (const subgraph of called) {
      const server = trace().find((s) => s.service === subgraph && s.kind === 2)!;
      expect(server, `${subgraph} serves the call`).toBeDefined();
      const caller = byId(server.parentSpanId)!;
      expect(caller.service).toBe('nuage-gateway');
      expect(caller.kind).toBe(3); // the gateway's HTTP client span: traceparent crossed the wire
      expect(ancestors(caller)).toContainEqual(root);
      const sql = trace().find((s) => s.service === subgraph && isSql(s))!;
      expect(ancestors(sql).map((s) => s.spanId)).toContain(server.spanId);
      // GraphQL execution is traced in the subgraph too.
      expect(trace().some((s) => s.service === subgraph && s.name.startsWith('query'))).toBe(true);
    }
    // The gateway's log line for the request carries its trace: from a line to its trace and back.
    const line = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.operationName === 'TracedBrands');
    expect(line).toMatchObject({ traceId: root.traceId, spanId: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });
});
