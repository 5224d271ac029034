import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { getNamedType, isLeafType, isNonNullType, type GraphQLObjectType } from 'graphql';
import pg from 'pg';
import { seededIdentity } from '@nuage/fixtures';
import {
  databaseUrl,
  DEFAULT_LIST_LIMIT,
  LIST_LIMITS,
  sql,
  sqlStatementCount,
  stableId,
  textLimit,
  type Identity,
} from '@nuage/platform';
import { Role, TOPICS } from '@nuage/contracts';
import { DEFAULT_LIMITS } from '@nuage/gateway';
import {
  PEOPLE,
  act,
  activateOrder,
  inDays,
  placeOrderWithOvh,
  submitRequestSolicitingTwoBrands,
} from '../src/journey.js';
import { apiSchema, probesOf, setIn, type Leaf } from '../src/probes.js';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { graphql } from '@nuage/fixtures/graphql';

/** What a red-team pass found against a fresh stack, each now refused or held. */
let stack: TestStack;
const databasePrefix = `h${randomUUID().slice(0, 8)}`;
const databaseUrlOf = (subgraph: string) => databaseUrl(inject('databaseUrl'), { service: subgraph, databasePrefix });
const { ovh } = PEOPLE;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'), { databasePrefix });
});
afterAll(() => stack?.close());

const PUSH_USAGE =
  'mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted duplicates } errors { code field } } }';
const usageLine = (orderLineId: string, lineId: string) => {
  const today = inDays(0);
  return {
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
  };
};

describe('the database pool under a burst of callers', () => {
  it('serves 50 concurrent pushUsage calls (each a transaction) without exhausting the pool, and stays ready', async () => {
    const [orderLineId] = await activateOrder(stack, await placeOrderWithOvh(stack), 'UGAP-POOL');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        stack.query(ovh, PUSH_USAGE, {
          lines: [usageLine(orderLineId!, `burst-${i}`), usageLine(orderLineId!, `burst-${(i + 1) % 50}`)],
        }),
      ),
    );
    for (const answer of answers) expect(answer.errors ?? answer.data!.pushUsage.errors).toEqual([]);
    // Every line once, whatever the overlap between calls.
    expect(answers.reduce((sum, a) => sum + a.data!.pushUsage.report.accepted, 0)).toBe(50);
    const ready = await fetch(new URL('/ready', stack.subgraphs.consumption.url));
    expect(ready.status).toBe(200);
    const { data } = await stack.query(
      PEOPLE.beneficiary,
      graphql(`{ orders(first: 100) { edges { node { lines { id consumption { consumed { amount } } } } } } }`),
    );
    const line = data!.orders!.edges.flatMap((e) => e.node.lines).find((l) => l.id === orderLineId);
    expect(line!.consumption!.consumed.amount).toBe('50.00');
  });

  it('answers /ready with 503 within seconds when every connection is taken, instead of hanging', async () => {
    const orm = stack.subgraphs.consumption.orm;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: 10 }, () => orm.em.fork().transactional(() => held));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const ready = await fetch(new URL('/ready', stack.subgraphs.consumption.url));
    expect(ready.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(4_000);
    release();
    await Promise.all(holders);
    expect((await fetch(new URL('/ready', stack.subgraphs.consumption.url))).status).toBe(200);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Bad input on every mutation and every query that takes arguments: each class of bad value, put
 * in each text, id and date an operation takes, gets BAD_USER_INPUT naming that field, and nothing
 * is written anywhere.
 * --------------------------------------------------------------------------------------------- */

const api = apiSchema();

/** Each class of bad value, for the leaves it applies to. */
const BAD_VALUES: Record<string, (leaf: Leaf) => unknown> = {
  'a malformed id (100 KB)': (leaf) => (leaf.kind === 'ID' ? 'x'.repeat(100_000) : undefined),
  'text one character over its maximum': (leaf) =>
    leaf.kind === 'String' && leaf.name !== 'csv' ? 'é'.repeat(textLimit(leaf.name) + 1) : undefined,
  'a NUL character': (leaf) => (leaf.kind === 'String' ? 'a\u0000b' : undefined),
  'a lone surrogate': (leaf) => (leaf.kind === 'String' ? 'a\ud800b' : undefined),
  'a date in year 1': (leaf) =>
    leaf.kind === 'LocalDate' ? '0001-01-01' : leaf.kind === 'DateTimeISO' ? '0001-01-01T00:00:00Z' : undefined,
  'a list one item over its maximum': (leaf) => {
    if (leaf.kind !== 'List') return undefined;
    const max = LIST_LIMITS[leaf.item!.type] ?? DEFAULT_LIST_LIMIT;
    // Batches of usage lines are tried by the usage tests; a 10 001-line probe per field would only make this one slow.
    return max > 1_000 ? undefined : Array.from({ length: max + 1 }, () => leaf.item!.sample);
  },
  'a date in year 9999': (leaf) =>
    leaf.kind === 'LocalDate' ? '9999-12-31' : leaf.kind === 'DateTimeISO' ? '9999-12-31T00:00:00Z' : undefined,
};

const probes = probesOf(api);

/** Every table of every subgraph's database, hashed: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
    const em = subgraph.orm.em.fork();
    const tables = await sql<{ table_name: string }[]>(
      em,
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const hashes = await sql<{ hash: string | null }[]>(
      em,
      tables
        .map(
          (t) =>
            `select md5(coalesce(string_agg(md5(r::text), '' order by md5(r::text)), '')) as hash from "${t.table_name}" r`,
        )
        .join(' union all '),
    );
    parts.push(`${name}:${hashes.map((h) => h.hash).join(',')}`);
  }
  return parts.join('\n');
}

describe('bad input on every operation', () => {
  it('covers every mutation and every query taking text, ids or dates', () => {
    expect(probes.filter((p) => p.root === 'mutation').length).toBeGreaterThanOrEqual(45);
    expect(probes.filter((p) => p.root === 'query').length).toBeGreaterThanOrEqual(15);
  });

  for (const [badClass, badValue] of Object.entries(BAD_VALUES)) {
    it(`refuses ${badClass} with BAD_USER_INPUT naming the field, and writes nothing`, async () => {
      await stack.settle();
      const before = await fingerprint();
      const misses: string[] = [];
      for (const probe of probes) {
        const cases = probe.leaves.flatMap((leaf) => {
          const value = badValue(leaf);
          return value === undefined
            ? []
            : [{ leaf, args: setIn(probe.args, leaf.path, value) as Record<string, unknown> }];
        });
        if (cases.length === 0) continue;
        const variables: Record<string, unknown> = {};
        const declarations: string[] = [];
        const selections = cases.map(({ args }, i) => {
          const passed = probe.field.args.map((arg) => {
            variables[`v${i}_${arg.name}`] = args[arg.name];
            declarations.push(`$v${i}_${arg.name}: ${arg.type.toString()}`);
            return `${arg.name}: $v${i}_${arg.name}`;
          });
          const selection = isLeafType(getNamedType(probe.field.type))
            ? ''
            : probe.root === 'mutation'
              ? '{ errors { code field } }'
              : '{ __typename }';
          return `c${i}: ${probe.field.name}(${passed.join(', ')}) ${selection}`;
        });
        const answer = await stack.query(
          PEOPLE.beneficiary,
          `${probe.root}(${declarations.join(', ')}) { ${selections.join('\n')} }`,
          variables,
        );
        cases.forEach(({ leaf }, i) => {
          const field = leaf.path.join('.');
          const refusals = [
            ...(answer.errors ?? [])
              .filter((e) => e.path?.[0] === `c${i}`)
              .map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })),
            ...((answer.data?.[`c${i}`] as { errors?: { code: string; field: string }[] } | null)?.errors ?? []),
          ];
          if (!refusals.some((r) => r.code === 'BAD_USER_INPUT' && r.field === field))
            misses.push(
              `${probe.field.name} ${field}: ${JSON.stringify(refusals.length ? refusals : answer.errors?.slice(0, 1))}`,
            );
        });
      }
      expect(misses).toEqual([]);
      await stack.settle();
      expect(await fingerprint()).toBe(before);
    });
  }
});

describe('tokens and accounts', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const { beneficiary, manager, holder, ovh: supplier, stranger } = PEOPLE;
  const claimsOf = (identity: Identity) => {
    const { userId, ...rest } = identity;
    return { sub: userId, ...rest };
  };
  const asToken = async (token: string) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    return { status: response.status, code: body.errors?.[0]?.extensions.code ?? 'OK' };
  };

  it('refuse tokens without expiry, living too long, issued in the future, or naming a role of the prototype chain', async () => {
    const shapes: Record<string, Record<string, unknown>> = {
      'a well-formed token': { ...claimsOf(beneficiary), iat: now(), exp: now() + 3600 },
      'no exp': { ...claimsOf(beneficiary), iat: now() },
      'no iat': { ...claimsOf(beneficiary), exp: now() + 3600 },
      'exp in 2500': { ...claimsOf(beneficiary), iat: now(), exp: Date.UTC(2500, 0, 1) / 1000 },
      'a 13 h lifetime': { ...claimsOf(beneficiary), iat: now(), exp: now() + 13 * 3600 },
      'iat a year ahead': { ...claimsOf(beneficiary), iat: now() + 365 * 86_400, exp: now() + 365 * 86_400 + 3600 },
      'role constructor': { ...claimsOf(beneficiary), role: 'constructor', iat: now(), exp: now() + 3600 },
      'role toString': { ...claimsOf(beneficiary), role: 'toString', iat: now(), exp: now() + 3600 },
      'a person who does not exist': { ...claimsOf(beneficiary), sub: randomUUID(), iat: now(), exp: now() + 3600 },
      'a real person with another entity': {
        ...claimsOf(beneficiary),
        entityId: stranger.entityId!,
        iat: now(),
        exp: now() + 3600,
      },
      'a real person claiming another role': {
        ...claimsOf(beneficiary),
        role: 'ANALYST',
        iat: now(),
        exp: now() + 3600,
      },
      'a supplier claiming another brand': {
        ...claimsOf(supplier),
        brandId: PEOPLE.aws.brandId,
        iat: now(),
        exp: now() + 3600,
      },
    };
    const answers = Object.fromEntries(
      await Promise.all(
        Object.entries(shapes).map(async ([shape, claims]) => [
          shape,
          (await asToken(await stack.signClaims(claims))).code,
        ]),
      ),
    );
    expect(answers).toEqual({
      ...Object.fromEntries(Object.keys(shapes).map((shape) => [shape, 'UNAUTHENTICATED'])),
      'a well-formed token': 'OK',
    });
  });

  it("stop working once the person is deactivated, by the entity's manager or the market holder only", async () => {
    const invite = async (lastName: string) => {
      const invited = await act(
        stack,
        manager,
        graphql(
          `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id } errors { code } } }`,
        ),
        {
          input: {
            entityId: manager.entityId!,
            email: `${lastName.toLowerCase()}-${randomUUID()}@entite.gouv.fr`,
            firstName: 'Léa',
            lastName,
            role: 'BENEFICIARY',
          },
        },
      );
      return {
        userId: invited.invitePerson.person!.id,
        role: Role.BENEFICIARY,
        name: `Léa ${lastName}`,
        entityId: manager.entityId!,
        entityName: manager.entityName,
      } as Identity;
    };
    const leaving = await invite('Depart');
    const other = await invite('Autre');
    expect((await stack.query(leaving, graphql(`{ me { name } }`))).data).toEqual({ me: { name: 'Léa Depart' } });
    const deactivate = async (by: Identity, personId: string) =>
      (
        await stack.query(
          by,
          graphql(
            `mutation($id: ID!) { deactivatePerson(personId: $id) { person { deactivatedAt } errors { code field } } }`,
          ),
          { id: personId },
        )
      ).data!;
    // Not a manager of that entity, or one's own account: refused, nothing changes.
    expect((await deactivate(stranger, leaving.userId)).deactivatePerson.errors).toEqual([
      { code: 'FORBIDDEN', field: null },
    ]);
    expect((await deactivate(beneficiary, leaving.userId)).deactivatePerson.errors).toEqual([
      { code: 'FORBIDDEN', field: null },
    ]);
    expect((await deactivate(manager, manager.userId)).deactivatePerson.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'personId' },
    ]);
    expect((await deactivate(holder, other.userId)).deactivatePerson.errors).toEqual([]);
    const done = await deactivate(manager, leaving.userId);
    expect(done.deactivatePerson).toEqual({ person: { deactivatedAt: expect.any(String) }, errors: [] });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the gateway's account cache (200 ms in tests)
    const refused = await stack.query(leaving, graphql(`{ me { name } }`));
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toContain('désactivé');
  });
});

describe('what each caller may see', () => {
  it('keeps a project that exists only in a draft private to its entity, and lists projects market-wide without an entity id', async () => {
    const codeName = `Brouillon ${randomUUID().slice(0, 8)}`;
    const draft = await act(
      stack,
      PEOPLE.beneficiary,
      graphql(
        `mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id } errors { code } } }`,
      ),
      {
        input: { kind: 'DEROGATION', project: { new: { codeName, shortDescription: 'Encore secret' } } },
      },
    );
    const projectsSeenBy = async (who: Identity, entityId?: string) => {
      const { data, errors } = await stack.query(
        who,
        graphql(`query($entityId: ID) { projects(first: 100, entityId: $entityId) { edges { node { codeName } } } }`),
        { entityId },
      );
      expect(errors).toBeUndefined();
      return data!.projects!.edges.map((e) => e.node.codeName);
    };
    expect(await projectsSeenBy(PEOPLE.beneficiary)).toContain(codeName);
    for (const who of [PEOPLE.holder, PEOPLE.ugap, PEOPLE.analyst, PEOPLE.ovh, PEOPLE.stranger]) {
      expect(await projectsSeenBy(who)).not.toContain(codeName);
      expect(await projectsSeenBy(who, PEOPLE.beneficiary.entityId)).not.toContain(codeName);
    }
    // Once its request is submitted, market-wide staff see it.
    await act(
      stack,
      PEOPLE.beneficiary,
      graphql(
        `mutation($id: ID!, $input: RequestDraftChanges!) { updateRequestDraft(id: $id, input: $input) { errors { code } } }`,
      ),
      {
        id: draft.createRequestDraft.request!.id,
        input: {
          solutions: [
            {
              brandId: stableId('brand', 'OVHCLOUD'),
              solutionId: stableId('solution', 'OVHCLOUD/OVH Private Cloud SecNumCloud'),
            },
          ],
          derogationReason: 'Seule offre compatible avec notre existant.',
          need: { desiredStartDate: inDays(30), durationYears: 1, text: 'Une machine.' },
        },
      },
    );
    await act(stack, PEOPLE.beneficiary, graphql(`mutation($id: ID!) { submitRequest(id: $id) { errors { code } } }`), {
      id: draft.createRequestDraft.request!.id,
    });
    expect(await projectsSeenBy(PEOPLE.holder)).toContain(codeName);
    expect(await projectsSeenBy(PEOPLE.stranger)).not.toContain(codeName);
  });

  it('shows a guided choice to a supplier only once a request built on it is addressed to its brand', async () => {
    const guidedChoiceIds = async (who: Identity) =>
      (
        await act(stack, who, graphql(`{ guidedChoices(first: 100) { edges { node { id } } } }`))
      ).guidedChoices!.edges.map((e) => e.node.id);
    const recorded = await act(
      stack,
      PEOPLE.beneficiary,
      graphql(
        `mutation { recordGuidedChoice(input: { projectName: "Non adressé", asOf: "2024-10-02", answers: [{ question: "EXTRA_EU_LEGISLATION", option: "ALL_PROVIDERS" }, { question: "CERTIFICATIONS", option: "SECNUMCLOUD" }] }) { guidedChoice { id } } }`,
      ),
    );
    // OVHcloud is among its matches, but nothing is addressed to it yet.
    expect(await guidedChoiceIds(PEOPLE.ovh)).not.toContain(recorded.recordGuidedChoice.guidedChoice!.id);
    const requestId = await submitRequestSolicitingTwoBrands(stack);
    const { request } = await act(
      stack,
      PEOPLE.beneficiary,
      graphql(`query($id: ID!) { request(id: $id) { guidedChoice { id } } }`),
      { id: requestId },
    );
    expect(await guidedChoiceIds(PEOPLE.ovh)).toContain(request!.guidedChoice!.id);
    // Cloud Temple matched the same answers but is not solicited.
    expect(await guidedChoiceIds(seededIdentity('supplier:cloud-temple'))).not.toContain(request!.guidedChoice!.id);
  });

  it("lets a manager invite an address that has an account in another entity without learning it; only its own entity's accounts are refused", async () => {
    const invite = (email: string) =>
      stack.query(
        PEOPLE.manager,
        graphql(
          `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { email } errors { code field } } }`,
        ),
        {
          input: {
            entityId: PEOPLE.manager.entityId!,
            email,
            firstName: 'Paul',
            lastName: 'Durand',
            role: 'BENEFICIARY',
          },
        },
      );
    expect((await invite('paul.durand@commune-demo.fr')).data!.invitePerson).toEqual({
      person: { email: 'paul.durand@commune-demo.fr' },
      errors: [],
    });
    expect((await invite('clara.maurice@entite.gouv.fr')).data!.invitePerson).toEqual({
      person: null,
      errors: [{ code: 'BAD_USER_INPUT', field: 'input.email' }],
    });
  });
});

describe('races', () => {
  it('give one invitation and one team to concurrent callers; the others get CONFLICT, never an internal error', async () => {
    const email = `concurrent-${randomUUID()}@entite.gouv.fr`;
    const invites = await Promise.all(
      Array.from({ length: 10 }, () =>
        stack.query(
          PEOPLE.manager,
          graphql(
            `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id } errors { code } } }`,
          ),
          {
            input: {
              entityId: PEOPLE.manager.entityId!,
              email,
              firstName: 'Zoé',
              lastName: 'Martin',
              role: 'BENEFICIARY',
            },
          },
        ),
      ),
    );
    const inviteOutcomes = invites.map(
      (a) => a.errors?.[0]?.extensions?.code ?? a.data!.invitePerson.errors[0]?.code ?? 'OK',
    );
    expect(inviteOutcomes.filter((o) => o === 'OK')).toHaveLength(1);
    // A loser that starts after the winner committed is told the address is taken; one that raced it, CONFLICT.
    expect(inviteOutcomes.every((o) => ['OK', 'CONFLICT', 'BAD_USER_INPUT'].includes(o))).toBe(true);
    const name = `Équipe ${randomUUID().slice(0, 8)}`;
    const teams = await Promise.all(
      Array.from({ length: 10 }, () =>
        stack.query(
          PEOPLE.manager,
          graphql(`mutation($input: SaveTeamInput!) { saveTeam(input: $input) { team { id } errors { code } } }`),
          { input: { entityId: PEOPLE.manager.entityId!, name, memberIds: [PEOPLE.beneficiary.userId] } },
        ),
      ),
    );
    const teamOutcomes = teams.map((a) => a.errors?.[0]?.extensions?.code ?? a.data!.saveTeam.errors[0]?.code ?? 'OK');
    expect(teamOutcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(teamOutcomes.every((o) => ['OK', 'CONFLICT', 'BAD_USER_INPUT'].includes(o))).toBe(true);
    const { beneficiaryEntity } = await act(
      stack,
      PEOPLE.manager,
      graphql(`query($id: ID!) { beneficiaryEntity(id: $id) { people { email } teams { name } } }`),
      { id: PEOPLE.manager.entityId! },
    );
    expect(beneficiaryEntity!.people!.filter((p) => p.email === email)).toHaveLength(1);
    expect(beneficiaryEntity!.teams!.filter((t) => t.name === name)).toHaveLength(1);
  });
});

describe('one alert, one renewal', () => {
  it('starts a single renewal draft from 20 parallel requests on the same alert', async () => {
    const [orderLineId] = await activateOrder(stack, await placeOrderWithOvh(stack), 'UGAP-ALERT-RACE');
    const line = {
      ...usageLine(orderLineId!, `alert-race-${orderLineId}`),
      billedCost: '8500.00',
      effectiveCost: '8500.00',
    };
    expect((await stack.query(ovh, PUSH_USAGE, { lines: [line] })).data!.pushUsage.report.accepted).toBe(1);
    await stack.settle();
    const { consumptionAlerts } = await act(
      stack,
      PEOPLE.beneficiary,
      graphql(`{ consumptionAlerts(first: 100) { edges { node { id orderLine { id } } } } }`),
    );
    const alert = consumptionAlerts!.edges.map((e) => e.node).find((a) => a.orderLine.id === orderLineId);
    const RENEW =
      'mutation($id: ID!) { requestRenewalFromAlert(alertId: $id, amount: "5000.00") { request { id } errors { code } } }';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => stack.query(PEOPLE.beneficiary, RENEW, { id: alert!.id })),
    );
    const outcomes = answers.map(
      (a) => a.errors?.[0]?.extensions?.code ?? a.data!.requestRenewalFromAlert.errors[0]?.code ?? 'DRAFT',
    );
    expect(outcomes.filter((o) => o === 'DRAFT')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(19);
    await stack.settle();
    const { requests } = await act(
      stack,
      PEOPLE.beneficiary,
      graphql(
        `{ requests(first: 100, filter: { statuses: [DRAFT] }) { edges { node { kind items { orderLineId } } } } }`,
      ),
    );
    const drafts = requests!.edges.filter(
      (e) => e.node.kind === 'RENEWAL' && e.node.items.some((i) => i.orderLineId === orderLineId),
    );
    expect(drafts).toHaveLength(1);
  });
});

describe('the HTTP edges', () => {
  it('answer 300 anonymous guesses of an invitation token with 429 beyond the per-address allowance', async () => {
    // The test stack's gateway lifts rate limits for the journeys; this one keeps the defaults.
    const gateway = await stack.gateway({ limits: { rateLimits: DEFAULT_LIMITS.rateLimits } });
    const statuses = await Promise.all(
      Array.from({ length: 300 }, async () => {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ invitation(token: "${randomUUID()}") { email } }` }),
        });
        await response.arrayBuffer();
        return response.status === 429
          ? `429 retry-after ${Number(response.headers.get('retry-after')) > 0}`
          : 'answered';
      }),
    );
    await gateway.close();
    expect(statuses.filter((s) => s === 'answered').length).toBeLessThanOrEqual(30);
    expect(statuses.filter((s) => s === '429 retry-after true').length).toBeGreaterThanOrEqual(270);
  });

  it('answer a body over the cap with 413, not a reset connection', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await stack.tokenFor(PEOPLE.beneficiary)}`,
      },
      body: `{"query":"{ __typename }","variables":{"x":"${'a'.repeat(11 * 1024 * 1024)}"}}`,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('costly shapes', () => {
  it("cost the same SQL statements for an entity's people nested four levels, whether it has 3 people or 23", async () => {
    const NESTED =
      '{ me { entity { people { name entity { people { name entity { people { name } teams { name } } } } } } } }';
    const statements = async () => {
      const before = sqlStatementCount(stack.subgraphs.requests.orm);
      const { data, errors } = await stack.query(PEOPLE.manager, NESTED);
      expect(errors).toBeUndefined();
      return {
        people: data!.me.entity.people.length,
        statements: sqlStatementCount(stack.subgraphs.requests.orm) - before,
      };
    };
    const few = await statements();
    for (let i = 0; i < 20; i++) {
      await act(
        stack,
        PEOPLE.manager,
        graphql(`mutation($input: InvitePersonInput!) { invitePerson(input: $input) { errors { code } } }`),
        {
          input: {
            entityId: PEOPLE.manager.entityId!,
            email: `nested-${i}-${randomUUID()}@entite.gouv.fr`,
            firstName: 'Agent',
            lastName: `N${i}`,
            role: 'BENEFICIARY',
          },
        },
      );
    }
    const many = await statements();
    expect(many.people).toBe(few.people + 20);
    expect(many.statements).toBe(few.statements);
  });
});

describe('a query abandoned by its client', () => {
  it('is dropped: the gateway cancels its subgraph call and the subgraph resolves no further field', async () => {
    const orderId = await placeOrderWithOvh(stack);
    const QUERY =
      '{ orders(first: 100) { edges { node { id lines { designation } proposal { number } delayRequests { reason } } } } }';
    const db = new pg.Client({ connectionString: databaseUrlOf('ordering') });
    await db.connect();
    /** Runs the query while the orders table is locked, abandoning it (or not) before the lock is released; the ordering statements it cost once released. */
    const costWhileLocked = async (abandon: boolean) => {
      await db.query('begin');
      await db.query('lock table customer_order in access exclusive mode');
      const client = new AbortController();
      const answer = fetch(stack.gatewayUrl, {
        method: 'POST',
        signal: client.signal,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await stack.tokenFor(PEOPLE.beneficiary)}`,
        },
        body: JSON.stringify({ query: QUERY }),
      }).then(
        (r) => r.json(),
        () => 'abandoned',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (abandon) client.abort();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = sqlStatementCount(stack.subgraphs.ordering.orm);
      await db.query('commit');
      const outcome = await answer;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        outcome: outcome === 'abandoned' ? outcome : 'answered',
        statements: sqlStatementCount(stack.subgraphs.ordering.orm) - before,
      };
    };
    const waited = await costWhileLocked(false);
    const abandoned = await costWhileLocked(true);
    await db.end();
    expect(waited.outcome).toBe('answered');
    expect(abandoned.outcome).toBe('abandoned');
    // Waited for: the page (and its count), then its lines, proposals and delay requests. Abandoned: the page only.
    expect(waited.statements - abandoned.statements).toBeGreaterThanOrEqual(3);
    expect(orderId).toBeTruthy();
  });
});

describe('storage', () => {
  const upload = async (who: Identity, body: Buffer) => {
    const response = await fetch(new URL('/uploads/requests/documents', stack.gatewayUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.tokenFor(who)}`,
        'content-type': 'text/plain',
        'x-file-name': 'note.txt',
      },
      body: new Uint8Array(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { id?: string; error?: { code: string; field: string } },
    };
  };

  it('keeps at most 20 uploads (50 MB) waiting to be attached per person, even posted in parallel', async () => {
    const who = PEOPLE.holder; // uploads nothing elsewhere in this file
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => upload(who, Buffer.from(`note ${i}\n`))));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(20);
    expect(answers.filter((a) => a.status === 400).map((a) => a.body.error)).toEqual(
      Array.from({ length: 10 }, () => expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'body' })),
    );
    // Another person's allowance is their own.
    expect((await upload(PEOPLE.ugap, Buffer.from('note\n'))).status).toBe(201);
  });

  it('deletes uploads never attached after a day, rows and bytes, and keeps the recent ones', async () => {
    const old = await upload(PEOPLE.manager, Buffer.from('oubliée\n'));
    const recent = await upload(PEOPLE.manager, Buffer.from('récente\n'));
    const db = new pg.Client({ connectionString: databaseUrlOf('requests') });
    await db.connect();
    await db.query("update document set created_at = now() - interval '25 hours' where id = $1", [old.body.id]);
    await stack.subgraphs.requests.housekeep();
    const { rows } = await db.query('select id from document where id = any($1)', [[old.body.id, recent.body.id]]);
    const stored = await db.query('select key from stored_file where key like $1', [`%/${old.body.id}`]);
    const kept = await db.query('select key from stored_file where key like $1', [`%/${recent.body.id}`]);
    await db.end();
    expect(rows.map((r) => r.id)).toEqual([recent.body.id]);
    expect(stored.rows).toEqual([]);
    expect(kept.rows).toHaveLength(1);
  });
});

describe('a long word in a proposal line', () => {
  it('is refused past 255 characters, and at 255 without a space is accepted and printed in both documents', async () => {
    const requestId = await submitRequestSolicitingTwoBrands(stack);
    const submit = (designation: string) =>
      stack.query(
        PEOPLE.ovh,
        graphql(
          `mutation($id: ID!, $input: ProposalTermsInput!, $key: String!) { submitProposal(requestId: $id, input: $input, idempotencyKey: $key) { proposal { id } errors { code field } } }`,
        ),
        {
          id: requestId,
          key: `long-word-${designation.length}-${requestId}`,
          input: {
            validUntil: inDays(10),
            commitmentMonths: 12,
            billingPeriod: 'ANNUAL',
            billingTiming: 'IN_ADVANCE',
            lines: [{ designation, quantity: '1', listUnitPrice: '100.00', unitPrice: '100.00' }],
          },
        },
      );
    expect((await submit('W'.repeat(50_000))).data!.submitProposal).toEqual({
      proposal: null,
      errors: [{ code: 'BAD_USER_INPUT', field: 'input.lines.0.designation' }],
    });
    const proposalId = (await submit('W'.repeat(255))).data!.submitProposal.proposal!.id;
    await act(stack, PEOPLE.manager, graphql(`mutation($id: ID!) { approveProposal(id: $id) { errors { code } } }`), {
      id: proposalId,
    });
    const accepted = await act(
      stack,
      PEOPLE.beneficiary,
      graphql(
        `mutation($id: ID!) { acceptProposal(id: $id, cgeAccepted: true, cguAccepted: true) { proposal { documents { kind downloadUrl } } errors { code } } }`,
      ),
      { id: proposalId },
    );
    const documents = accepted.acceptProposal.proposal!.documents as { kind: string; downloadUrl: string }[];
    expect(documents.map((d) => d.kind).sort()).toEqual(['PURCHASE_REQUEST', 'SUBSCRIPTION_ORDER']);
    for (const document of documents) {
      const pdf = Buffer.from(
        await (
          await fetch(new URL(document.downloadUrl, stack.gatewayUrl), {
            headers: { authorization: `Bearer ${await stack.tokenFor(PEOPLE.beneficiary)}` },
          })
        ).arrayBuffer(),
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});

describe('a renewal of another entity’s order', () => {
  it('is refused to a buyer of another entity, and ordering renews only the lines of the requesting entity’s own orders', async () => {
    const orderId = await placeOrderWithOvh(stack);
    const [lineId] = await activateOrder(stack, orderId, 'UGAP-RENEW-X');
    const draft = await act(
      stack,
      PEOPLE.stranger,
      graphql(
        `mutation { createRequestDraft(input: { kind: DEROGATION, project: { new: { codeName: "Commune", shortDescription: "x" } } }) { request { project { id } } errors { code } } }`,
      ),
    );
    const projectId = draft.createRequestDraft.request!.project.id;
    const renewal = await stack.query(
      PEOPLE.stranger,
      graphql(
        `mutation($input: CreateRequestDraftInput!) { createRequestDraft(input: $input) { request { id } errors { code field } } }`,
      ),
      {
        input: {
          kind: 'RENEWAL',
          project: { id: projectId },
          items: [{ orderId, orderLineId: lineId, quantity: '1' }],
        },
      },
    );
    expect(renewal.data!.createRequestDraft).toEqual({
      request: null,
      errors: [{ code: 'NOT_FOUND', field: expect.stringMatching(/^input\.items\.0\./) }],
    });
    // Even told so by an event, ordering does not renew a line of another entity's order.
    const requestId = randomUUID();
    const event = {
      id: randomUUID(),
      topic: TOPICS.requestSubmitted,
      source: 'requests',
      occurredAt: new Date().toISOString(),
      payload: {
        requestId,
        fileNumber: '999999-01',
        entityId: PEOPLE.stranger.entityId!,
        entitySiret: '21690012300011',
        kind: 'RENEWAL',
        projectName: 'Commune',
        brands: [{ brandId: PEOPLE.ovh.brandId, solutionIds: [] }],
        renewedOrderLineIds: [lineId],
        guidedChoiceId: null,
        submittedAt: new Date().toISOString(),
      },
    };
    await stack.subgraphs.ordering.events.apply(event);
    const db = new pg.Client({ connectionString: databaseUrlOf('ordering') });
    await db.connect();
    const { rows } = await db.query('select renewed_order_line_ids from solicitation where request_id = $1', [
      requestId,
    ]);
    await db.end();
    expect(rows).toEqual([{ renewed_order_line_ids: [] }]);
  });
});

describe('every field, for every role', () => {
  /** Every field of a type with no required argument, objects expanded along the path without entering a type twice. */
  function selectAll(typeName: string, path: ReadonlySet<string>): string {
    const type = api.getType(typeName) as GraphQLObjectType;
    return Object.values(type.getFields())
      .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
      .flatMap((field) => {
        const named = getNamedType(field.type);
        if (isLeafType(named)) return [field.name];
        if (path.has(named.name) || path.size >= 4) return [];
        return [`${field.name} { __typename ${selectAll(named.name, new Set([...path, named.name]))} }`];
      })
      .join(' ');
  }
  const ROOTS: Record<string, string> = {
    dashboard: 'dashboard',
    search: 'search(query: "SecNumCloud", first: 10)',
    orders: 'orders(first: 10)',
    requests: 'requests(first: 10)',
    consumptionAlerts: 'consumptionAlerts(first: 10)',
    renewalCandidates: 'renewalCandidates',
    projects: 'projects(first: 10)',
    me: 'me',
    incidents: 'incidents(first: 10)',
  };
  const ROLES = {
    beneficiary: PEOPLE.beneficiary,
    manager: PEOPLE.manager,
    supplier: PEOPLE.ovh,
    otherSupplier: PEOPLE.aws,
    ugap: PEOPLE.ugap,
    holder: PEOPLE.holder,
    analyst: PEOPLE.analyst,
    otherEntity: PEOPLE.stranger,
  };

  it('answer without an internal error, whoever asks', async () => {
    const orderId = await placeOrderWithOvh(stack);
    await activateOrder(stack, orderId, 'UGAP-EVERY-FIELD');
    await act(
      stack,
      PEOPLE.beneficiary,
      graphql(
        `mutation($id: ID!) { declareIncident(input: { orderId: $id, typeCode: "INCOMPLETE_ORDER", description: "Une ligne manque" }) { errors { code } } }`,
      ),
      { id: orderId },
    );
    const internal: string[] = [];
    for (const [role, who] of Object.entries(ROLES)) {
      for (const [name, root] of Object.entries(ROOTS)) {
        const type = getNamedType(api.getQueryType()!.getFields()[name]!.type).name;
        const { errors } = await stack.query(who, `{ ${root} { __typename ${selectAll(type, new Set([type]))} } }`);
        for (const error of errors ?? [])
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
            internal.push(`${role} ${name} ${error.path?.join('.')}: ${error.message}`);
      }
    }
    expect(internal).toEqual([]);
  });
});
