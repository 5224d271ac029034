import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { getNamedType, isLeafType } from 'graphql';
import { importPKCS8, SignJWT } from 'jose';
import { seededIdentity } from '@nuage/fixtures';
import type { Identity } from '@nuage/platform';
import {
  activateOrder,
  apiSchema,
  freePort,
  inDays,
  placeOrderWithOvh,
  probesOf,
  setIn,
  startEmbeddedPostgres,
  startTestStack,
  submitRequestSolicitingTwoBrands,
  type TestStack,
} from '@nuage/stack';
import { table } from './report.js';

/**
 * `npm run red-team`: the red team's probes against a fresh stack, counted as holes (a probe the
 * service should have refused, or answered with an internal error). The probes go through the
 * public API only: with `infra/stack/src/probes.ts`, the script measures an older commit too.
 */
process.env.LOG_LEVEL ??= 'fatal';
const dir = mkdtempSync(join(tmpdir(), 'nuage-red-team-pg-'));
const postgres = await startEmbeddedPostgres(dir, await freePort());
const stack: TestStack = await startTestStack(postgres.url);
const api = apiSchema();
const who = (key: string) => seededIdentity(key);
const [beneficiary, manager, ovh] = [who('beneficiary'), who('manager'), who('supplier:ovhcloud')];
const rows: (string | number)[][] = [];
const record = (probe: string, tried: number, holes: number, note = '') => rows.push([probe, tried, holes, note]);
const code = (answer: { data?: any; errors?: { extensions?: Record<string, unknown> }[] }, field?: string) =>
  (answer.errors?.[0]?.extensions?.code as string | undefined) ??
  (field ? answer.data?.[field]?.errors?.[0]?.code : undefined) ??
  'OK';

// 1. Bad input on every argument of every operation: refused as BAD_USER_INPUT naming the field, or a hole.
const BAD: Record<string, (kind: string) => unknown> = {
  'malformed id (100 KB)': (kind) => (kind === 'ID' ? 'x'.repeat(100_000) : undefined),
  'text of 100 KB': (kind) => (kind === 'String' ? 'é'.repeat(100_000) : undefined),
  'NUL character': (kind) => (kind === 'String' ? 'a\u0000b' : undefined),
  'lone surrogate': (kind) => (kind === 'String' ? 'a\ud800b' : undefined),
  'date in year 1': (kind) =>
    kind === 'LocalDate' ? '0001-01-01' : kind === 'DateTimeISO' ? '0001-01-01T00:00:00Z' : undefined,
  'date in year 9999': (kind) =>
    kind === 'LocalDate' ? '9999-12-31' : kind === 'DateTimeISO' ? '9999-12-31T00:00:00Z' : undefined,
};
for (const [badClass, badValue] of Object.entries(BAD)) {
  let tried = 0;
  let holes = 0;
  let internal = 0;
  for (const { root, field, args, leaves } of probesOf(api)) {
    for (const leaf of leaves) {
      const value = leaf.name === 'csv' ? undefined : badValue(leaf.kind);
      if (value === undefined) continue;
      const selection = isLeafType(getNamedType(field.type))
        ? ''
        : root === 'mutation'
          ? '{ errors { code field } }'
          : '{ __typename }';
      const query = `${root}(${field.args.map((a) => `$${a.name}: ${a.type}`).join(', ')}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) ${selection} }`;
      const answer = await stack.query(beneficiary, query, setIn(args, leaf.path, value) as Record<string, unknown>);
      const refusals = [
        ...(answer.errors ?? []).map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })),
        ...((answer.data?.[field.name] as { errors?: { code: string; field: string }[] } | null)?.errors ?? []),
      ];
      tried += 1;
      if (!refusals.some((r) => r.code === 'BAD_USER_INPUT' && r.field === leaf.path.join('.'))) holes += 1;
      if (refusals.some((r) => r.code === 'INTERNAL_SERVER_ERROR')) internal += 1;
    }
  }
  record(`bad input: ${badClass}`, tried, holes, `${internal} internal errors`);
}

// 2. Token shapes that must be refused.
const privateKey = await importPKCS8(readFileSync(join(stack.dataDir, 'auth', 'jwt-private.pem'), 'utf8'), 'ES256');
const now = Math.floor(Date.now() / 1000);
const claims = (identity: Identity, extra: Record<string, unknown>) => {
  const { userId, ...rest } = identity;
  return { iss: 'nuage-public', aud: 'nuage-public-api', sub: userId, ...rest, ...extra };
};
const SHAPES: Record<string, Record<string, unknown>> = {
  'no exp': claims(beneficiary, { iat: now }),
  'exp in 2500': claims(beneficiary, { iat: now, exp: Date.UTC(2500, 0, 1) / 1000 }),
  'iat a year ahead': claims(beneficiary, { iat: now + 365 * 86_400, exp: now + 365 * 86_400 + 3600 }),
  'a 13 h lifetime': claims(beneficiary, { iat: now, exp: now + 13 * 3600 }),
  'role constructor': claims(beneficiary, { role: 'constructor', iat: now, exp: now + 3600 }),
  'role toString': claims(beneficiary, { role: 'toString', iat: now, exp: now + 3600 }),
  'unknown person': claims(beneficiary, { sub: randomUUID(), iat: now, exp: now + 3600 }),
  'unknown entity': claims(beneficiary, { entityId: randomUUID(), iat: now, exp: now + 3600 }),
  'another role': claims(beneficiary, { role: 'ANALYST', iat: now, exp: now + 3600 }),
};
let acceptedTokens = 0;
for (const shape of Object.values(SHAPES)) {
  const token = await new SignJWT(shape).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { name } }' }),
  });
  if (!(await response.json()).errors) acceptedTokens += 1;
}
record('token shapes', Object.keys(SHAPES).length, acceptedTokens, 'accepted');

// An activated order, for the renewal and usage probes.
const orderId = await placeOrderWithOvh(stack);
const [orderLineId] = await activateOrder(stack, orderId, 'UGAP-RED-TEAM');
const today = inDays(0);
const line = (lineId: string) => ({
  lineId,
  orderLineId,
  chargePeriodStart: `${today}T00:00:00Z`,
  chargePeriodEnd: `${today}T01:00:00Z`,
  serviceName: 'Calcul',
  serviceCategory: 'Compute',
  consumedQuantity: '1',
  consumedUnit: 'Hours',
  billedCost: '1.00',
  effectiveCost: '1.00',
  currency: 'EUR',
});
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(resolve, ms, 'timeout').unref())]);
// 3. A 50 KB word in a proposal line: refused at entry, or a hole (and the time ordering was busy).
const requestId = await submitRequestSolicitingTwoBrands(stack);
const started = performance.now();
const long = await stack.query(
  ovh,
  'mutation($id: ID!, $input: ProposalTermsInput!, $key: String!) { submitProposal(requestId: $id, input: $input, idempotencyKey: $key) { proposal { id } errors { code } } }',
  {
    id: requestId,
    key: `red-${requestId}`,
    input: {
      validUntil: inDays(10),
      commitmentMonths: 12,
      billingPeriod: 'ANNUAL',
      billingTiming: 'IN_ADVANCE',
      lines: [{ designation: 'W'.repeat(50_000), quantity: '1', listUnitPrice: '1.00', unitPrice: '1.00' }],
    },
  },
);
let holdMs = 0;
const proposalId = long.data?.submitProposal?.proposal?.id;
if (proposalId) {
  await stack.query(manager, 'mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }', { id: proposalId });
  const accepting = performance.now();
  await stack.query(
    beneficiary,
    'mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { errors { code } } }',
    { id: proposalId },
  );
  holdMs = performance.now() - accepting;
}
record(
  '50 KB word in a designation',
  1,
  proposalId ? 1 : 0,
  proposalId
    ? `accepted; acceptance took ${(holdMs / 1000).toFixed(1)} s`
    : `refused in ${(performance.now() - started).toFixed(0)} ms`,
);

// 4. A buyer of another entity renews this entity's order line.
const stranger = (() => {
  try {
    return seededIdentity('stranger');
  } catch {
    return { userId: randomUUID(), role: beneficiary.role, name: 'Paul Durand', entityId: randomUUID() } as Identity;
  }
})();
const DRAFT =
  'mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id project { id } } errors { code field } } }';
const ownProject = await stack.query(stranger, DRAFT, {
  input: {
    kind: 'DEROGATION',
    project: { new: { codeName: `Autre ${randomUUID().slice(0, 6)}`, shortDescription: 'x' } },
  },
});
const renewal = await stack.query(stranger, DRAFT, {
  input: {
    kind: 'RENEWAL',
    project: { id: ownProject.data?.createRequestDraft?.request?.project.id ?? randomUUID() },
    items: [{ orderId, orderLineId, quantity: '1' }],
  },
});
const refusal = renewal.errors?.[0]?.extensions ?? renewal.data?.createRequestDraft?.errors?.[0];
record(
  'renewal of another entity’s line',
  1,
  renewal.data?.createRequestDraft?.request ? 1 : 0,
  refusal ? `${refusal.code} ${refusal.field ?? ''}` : 'accepted',
);

// 5. Races: ten concurrent invitations of one address.
const email = `race-${randomUUID()}@entite.gouv.fr`;
const invites = await Promise.all(
  Array.from({ length: 10 }, () =>
    stack.query(
      manager,
      'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id } errors { code } } }',
      { input: { entityId: manager.entityId, email, firstName: 'Zoé', lastName: 'Martin', role: 'BENEFICIARY' } },
    ),
  ),
);
record(
  '10 concurrent invitePerson',
  10,
  invites.filter((a) => code(a, 'invitePerson') === 'INTERNAL_SERVER_ERROR').length,
  'internal errors',
);

// 6. Anonymous guesses of an invitation token.
const guesses = await Promise.all(
  Array.from(
    { length: 300 },
    async () =>
      (
        await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ invitation(token: "${randomUUID()}") { email } }` }),
        })
      ).status,
  ),
);
const answered = guesses.filter((s) => s !== 429).length;
record('300 anonymous token guesses (30 allowed)', 300, Math.max(0, answered - 30), `${answered} answered`);

// 7. Fifty 1 MB uploads never attached.
let stored = 0;
for (let i = 0; i < 50; i++) {
  const response = await fetch(new URL('/uploads/requests/documents', stack.gatewayUrl), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await stack.tokenFor(beneficiary)}`,
      'content-type': 'text/plain',
      'x-file-name': 'x.txt',
    },
    body: 'x'.repeat(1024 * 1024),
  });
  if (response.ok) stored += 1;
}
record('50 × 1 MB uploads never attached (20 allowed)', 50, Math.max(0, stored - 20), `${stored} stored`);

// 8. Fields that failed for everyone.
const search = await stack.query(beneficiary, '{ search(query: "SecNumCloud") { edges { node { updatedAt } } } }');
const projects = await stack.query(who('market-holder'), '{ projects(first: 5) { totalCount } }');
record(
  'search updatedAt, projects without entityId',
  2,
  [search, projects].filter((a) => a.errors?.length).length,
  'failed',
);

// 9. Last, as it may leave the consumption subgraph unable to answer: fifty concurrent pushUsage, each to answer within 30 s.
const pushes = await Promise.all(
  Array.from({ length: 50 }, (_, i) =>
    within(
      stack.query(ovh, 'mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { errors { code } } }', {
        lines: [line(`red-${i}`)],
      }),
      30_000,
    ),
  ),
);
record(
  '50 concurrent pushUsage',
  50,
  pushes.filter((p) => p === 'timeout' || p.errors || p.data?.pushUsage.errors.length).length,
  `${pushes.filter((p) => p === 'timeout').length} hung past 30 s`,
);

console.log(table([44, 7, 7, 40], [['probe', 'tried', 'holes', 'detail'], ...rows.map((row) => row.map(String))]));
await within(stack.close(), 10_000);
await postgres.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
