import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { identityOf, SEED_BRANDS, seedPeople } from '@nuage/fixtures';
import { databaseUrl, IDENTITY_HEADER } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import pg from 'pg';
import { signToken } from '../src/keys.js';
import { startStack, type RunningStack } from '../src/stack.js';
import { prometheusTotals } from '../src/metrics-client.js';

let stack: RunningStack;
/** The services' log lines, as an operator reads them. */
const logs: string[] = [];
const keysDir = mkdtempSync(`${tmpdir()}/nuage-e2e-keys-`);
const people = seedPeople(SEED_BRANDS);
const tokenFor = (key: string) => signToken(stack.keys, identityOf(people.find((p) => p.key === key)!));

async function gateway(token: string | null, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] },
  };
}

const databasePrefix = `e2e${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  stack = await startStack({
    databaseUrl: inject('databaseUrl'),
    databasePrefix,
    gatewayPort: 0,
    firstSubgraphPort: 0,
    keysDir,
    output: (line) => logs.push(line),
  });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(keysDir, { recursive: true, force: true });
});

describe('the gateway', () => {
  it('serves GraphiQL without any CDN', async () => {
    const page = await (await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('GraphiQL');
    expect(page).toContain('query SecNumCloudBrands');
    expect(page).not.toMatch(/<script[^>]+src="https?:\/\//);
  });

  it("lets an analyst read brands (catalogue) with people's entities (requests) and settings (consumption)", async () => {
    const { body } = await gateway(
      await tokenFor('analyst'),
      `{ me { name role }
         brands(filter: { certification: "SECNUMCLOUD", asOf: "2024-10-02" }) { totalCount edges { node { name solutions { name } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toEqual({ name: 'Inès Petit', role: 'ANALYST' });
    expect(body.data.brands.edges.map((e: any) => e.node.name)).toEqual(['3DS OUTSCALE', 'CLOUD TEMPLE', 'OVHCLOUD']);
  });

  it("resolves a supplier's brand from the catalogue and a buyer's entity across three subgraphs", async () => {
    const supplier = await gateway(
      await tokenFor('supplier:ovhcloud'),
      '{ me { role brand { name legalCountry extraEuLegislation } } }',
    );
    expect(supplier.body.data.me).toEqual({
      role: Role.SUPPLIER,
      brand: { name: 'OVHCLOUD', legalCountry: 'FR', extraEuLegislation: false },
    });

    const buyer = await gateway(
      await tokenFor('beneficiary'),
      '{ me { entity { name siret consumptionAlertThresholds } } incidentTypes { label } }',
      { 'accept-language': 'en' },
    );
    expect(buyer.body.errors).toBeUndefined();
    expect(buyer.body.data.me.entity).toEqual({
      name: 'Entité de démonstration',
      siret: '13002526500013',
      consumptionAlertThresholds: [80, 100],
    });
    expect(buyer.body.data.incidentTypes[1].label).toBe('Incomplete order');
  });

  it('refuses anonymous and forged calls with UNAUTHENTICATED', async () => {
    const anonymous = await gateway(null, '{ brands { totalCount } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await gateway(
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6IkFOQUxZU1QifQ.c2lnbmF0dXJl',
      '{ brands { totalCount } }',
    );
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Anyone may read the schema, for GraphiQL's documentation.
    expect((await gateway(null, '{ __schema { queryType { name } } }')).body.data.__schema.queryType.name).toBe(
      'Query',
    );
  });

  it('cannot be bypassed: a subgraph called directly with a made-up identity refuses', async () => {
    const fake = Buffer.from(
      JSON.stringify({ userId: 'x', role: 'ANALYST', name: 'x', exp: Date.now() + 60_000 }),
    ).toString('base64url');
    const response = await fetch(stack.subgraphUrls.ordering!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: `${fake}.bm90LXNpZ25lZA` },
      body: JSON.stringify({ query: '{ orders { totalCount } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('times each operation (Server-Timing) and shows its metrics to internal callers only', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('beneficiary')}` },
      body: JSON.stringify({ query: '{ me { name } dashboard { orders requestsInProgress } }' }),
    });
    expect(response.headers.get('server-timing')).toMatch(
      /^gateway;dur=[\d.]+, subgraphs;dur=[\d.]+;desc="critical path"$/,
    );
    const metricsOf = (url: string, secret?: string) =>
      fetch(url.replace(/\/graphql$/, '/metrics'), { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
    expect((await metricsOf(stack.gatewayUrl)).status).toBe(401);
    expect((await metricsOf(stack.subgraphUrls.ordering!, 'guess')).status).toBe(401);
    const token = stack.keysEnvironment.METRICS_TOKENS;
    const gatewayMetrics = await metricsOf(stack.gatewayUrl, token);
    expect(gatewayMetrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const gatewayText = await gatewayMetrics.text();
    // Prometheus' text format: per operation, per subgraph, and the process's own figures.
    expect(gatewayText).toMatch(
      /^nuage_graphql_requests_total\{operation="anonymous",outcome="ok",service="gateway"\} [1-9]/m,
    );
    expect(gatewayText).toMatch(
      /^nuage_subgraph_fetch_duration_seconds_count\{service="gateway",subgraph="requests"\} [1-9]/m,
    );
    expect(gatewayText).toMatch(/^process_cpu_seconds_total\{service="gateway"\} [\d.]+$/m);
    const ordering = prometheusTotals(await (await metricsOf(stack.subgraphUrls.ordering!, token)).text());
    expect(ordering.get('nuage_graphql_requests_total')).toBeGreaterThanOrEqual(1);
    expect(ordering.get('nuage_sql_statements_total')).toBeGreaterThanOrEqual(1);
    expect(ordering.has('nuage_event_queue_depth')).toBe(true);
    expect(ordering.has('nuage_dead_letters')).toBe(true);
  });

  it('keeps each role to its own data: a supplier reads no profile of an entity it has no file with', async () => {
    const { body } = await gateway(
      await tokenFor('supplier:aws'),
      `{ beneficiaryEntity(id: "${people.find((p) => p.key === 'beneficiary')!.entityId}") { name } }`,
    );
    expect(body).toEqual({ data: { beneficiaryEntity: null } });
  });

  it("records the guide's guided choice and serves its PAAC report through the gateway, to its entity only before any request", async () => {
    const { body } = await gateway(
      await tokenFor('beneficiary'),
      `mutation { recordGuidedChoice(input: { projectName: "Environnement Cloud - Projet", asOf: "2024-10-02", answers: [
          { question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" },
          { question: "SUPERVISION", option: "CMDB", requirement: DESIRED }, { question: "ADVANCED", option: "MARKETPLACE", requirement: DESIRED } ] }) {
        guidedChoice { reportUrl evaluation { matchCount matches { edges { node { brand { name } solution { name } } } } } }
        errors { message } } }`,
    );
    expect(body.errors).toBeUndefined();
    const { guidedChoice } = body.data.recordGuidedChoice;
    expect(
      guidedChoice.evaluation.matches.edges.map((e: any) => `${e.node.brand.name} / ${e.node.solution.name}`).sort(),
    ).toEqual([
      '3DS OUTSCALE / Outscale Cloud Secteur Public SecNumCloud',
      'CLOUD TEMPLE / Cloud Temple',
      'OVHCLOUD / OVH Private Cloud SecNumCloud',
    ]);
    const download = async (key: string | null) =>
      fetch(new URL(guidedChoice.reportUrl, stack.gatewayUrl), {
        headers: key ? { authorization: `Bearer ${await tokenFor(key)}` } : {},
      });
    const report = await download('beneficiary');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await report.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // A matched brand reads it only once a request built on it is addressed to it (none here yet).
    expect((await download('supplier:ovhcloud')).status).toBe(404);
    expect((await download('supplier:aws')).status).toBe(404);
    expect((await download(null)).status).toBe(401);
  });

  it('masks an unexpected error for the caller, with a request id, and logs it in full with that id', async () => {
    // A fault no check foresees: the requests database refuses every new project (a constraint an
    // operator added by mistake). The caller must not read PostgreSQL's text; the operator must.
    const db = new pg.Client({
      connectionString: databaseUrl(inject('databaseUrl'), { service: 'requests', databasePrefix }),
    });
    await db.connect();
    await db.query('alter table project add constraint operator_mistake check (false) not valid');
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('beneficiary')}` },
      body: JSON.stringify({
        query:
          'mutation { createRequestDraft(input: { kind: DEROGATION, project: { new: { codeName: "Fantôme", shortDescription: "x" } } }) { errors { code } } }',
      }),
    });
    await db.query('alter table project drop constraint operator_mistake');
    await db.end();
    const body = await response.json();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\w-]{8,}$/);
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining('erreur interne'),
        path: ['createRequestDraft'],
        extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', requestId }),
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/constraint|operator_mistake/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logged = logs.filter((line) => line.includes(requestId!) && line.includes('"level":50'));
    expect(logged.join('')).toMatch(/violates check constraint .{0,2}operator_mistake/);
  });
});
