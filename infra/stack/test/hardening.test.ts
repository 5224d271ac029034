import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { Role, sql, textLimit, type Identity } from '@nuage/shared';
import { PEOPLE, act, activateOrder, inDays, placeOrderWithOvh } from '../src/journey';
import { schemaDir } from '../src/paths';
import { startTestStack, type TestStack } from '../src/test-stack';

/** What a red-team pass found against a fresh stack, each now refused or held. */
let stack: TestStack;
const { ovh } = PEOPLE;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

const PUSH_USAGE = 'mutation($lines: [UsageLineInput!]!) { pushUsage(lines: $lines) { report { accepted duplicates } errors { code field } } }';
const usageLine = (orderLineId: string, lineId: string) => {
  const today = inDays(0);
  return { lineId, orderLineId, chargePeriodStart: `${today}T00:00:00Z`, chargePeriodEnd: `${today}T01:00:00Z`, serviceName: 'Calcul', serviceCategory: 'Compute', consumedQuantity: '1', consumedUnit: 'Hours', billedCost: '1.00', effectiveCost: '1.00', currency: 'EUR' };
};

describe('the database pool under a burst of callers', () => {
  it('serves 50 concurrent pushUsage calls (each a transaction) without exhausting the pool, and stays ready', async () => {
    const [orderLineId] = await activateOrder(stack, await placeOrderWithOvh(stack), 'UGAP-POOL');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => stack.query(ovh, PUSH_USAGE, { lines: [usageLine(orderLineId!, `burst-${i}`), usageLine(orderLineId!, `burst-${(i + 1) % 50}`)] })));
    for (const answer of answers) expect(answer.errors ?? answer.data!.pushUsage.errors).toEqual([]);
    // Every line once, whatever the overlap between calls.
    expect(answers.reduce((sum, a) => sum + a.data!.pushUsage.report.accepted, 0)).toBe(50);
    const ready = await fetch(new URL('/ready', stack.subgraphs.consumption.url));
    expect(ready.status).toBe(200);
    const { data } = await stack.query(PEOPLE.beneficiary, '{ orders(first: 100) { edges { node { lines { id consumption { consumed { amount } } } } } } }');
    const line = data!.orders.edges.flatMap((e: { node: { lines: { id: string }[] } }) => e.node.lines).find((l: { id: string }) => l.id === orderLineId);
    expect(line.consumption.consumed.amount).toBe('50.00');
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

const api: GraphQLSchema = Supergraph.build(readFileSync(`${schemaDir}/supergraph.graphql`, 'utf8')).apiSchema().toGraphQLJSSchema();

type LeafKind = 'ID' | 'String' | 'LocalDate' | 'DateTimeISO';
interface Leaf {
  /** Where it sits in the arguments, as the error's `field` names it: `input.lines.0.designation`. */
  path: (string | number)[];
  kind: LeafKind;
  /** The input field's or argument's name, which decides its maximum length. */
  name: string;
}

/** A plausible value of an input type, every optional field filled in, and the checked leaves in it. */
function sample(type: GraphQLInputType, name: string, path: (string | number)[], leaves: Leaf[], depth = 0): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sample(inner.ofType, name, [...path, 0], leaves, depth)];
  if (isInputObjectType(inner)) {
    if (depth > 4) return undefined;
    return Object.fromEntries(Object.values(inner.getFields()).map((field) => [field.name, sample(field.type, field.name, [...path, field.name], leaves, depth + 1)]));
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  const kind = inner.name as LeafKind;
  if (['ID', 'String', 'LocalDate', 'DateTimeISO'].includes(kind)) leaves.push({ path, kind, name });
  return { ID: randomUUID(), String: 'x', LocalDate: inDays(1), DateTimeISO: new Date().toISOString(), Int: 1, Float: 1, Boolean: true, Decimal: '1.00', JSONObject: {} }[kind];
}

const setIn = (value: unknown, [head, ...rest]: (string | number)[], leaf: unknown): unknown => {
  if (head === undefined) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = setIn(copy[head], rest, leaf);
  return copy;
};

/** Each class of bad value, for the leaves it applies to. */
const BAD_VALUES: Record<string, (leaf: Leaf) => unknown> = {
  'a malformed id (100 KB)': (leaf) => (leaf.kind === 'ID' ? 'x'.repeat(100_000) : undefined),
  'text one character over its maximum': (leaf) => (leaf.kind === 'String' && leaf.name !== 'csv' ? 'é'.repeat(textLimit(leaf.name) + 1) : undefined),
  'a NUL character': (leaf) => (leaf.kind === 'String' ? 'a\u0000b' : undefined),
  'a lone surrogate': (leaf) => (leaf.kind === 'String' ? 'a\ud800b' : undefined),
  'a date in year 1': (leaf) => (leaf.kind === 'LocalDate' ? '0001-01-01' : leaf.kind === 'DateTimeISO' ? '0001-01-01T00:00:00Z' : undefined),
  'a date in year 9999': (leaf) => (leaf.kind === 'LocalDate' ? '9999-12-31' : leaf.kind === 'DateTimeISO' ? '9999-12-31T00:00:00Z' : undefined),
};

interface Probe {
  root: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  leaves: Leaf[];
}

const probes: Probe[] = (['query', 'mutation'] as const).flatMap((root) =>
  Object.values((root === 'query' ? api.getQueryType() : api.getMutationType())!.getFields()).flatMap((field) => {
    const leaves: Leaf[] = [];
    const args = Object.fromEntries(field.args.map((arg) => [arg.name, sample(arg.type, arg.name, [arg.name], leaves)]));
    return leaves.length === 0 ? [] : [{ root, field, args, leaves }];
  }),
);

/** Every table of every subgraph's database, hashed: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
    const em = subgraph.orm.em.fork();
    const tables = await sql<{ table_name: string }[]>(em, "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
    const hashes = await sql<{ hash: string | null }[]>(
      em,
      tables.map((t) => `select md5(coalesce(string_agg(md5(r::text), '' order by md5(r::text)), '')) as hash from "${t.table_name}" r`).join(' union all '),
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
          return value === undefined ? [] : [{ leaf, args: setIn(probe.args, leaf.path, value) as Record<string, unknown> }];
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
          const selection = isLeafType(getNamedType(probe.field.type)) ? '' : probe.root === 'mutation' ? '{ errors { code field } }' : '{ __typename }';
          return `c${i}: ${probe.field.name}(${passed.join(', ')}) ${selection}`;
        });
        const answer = await stack.query(PEOPLE.beneficiary, `${probe.root}(${declarations.join(', ')}) { ${selections.join('\n')} }`, variables);
        cases.forEach(({ leaf }, i) => {
          const field = leaf.path.join('.');
          const refusals = [
            ...(answer.errors ?? []).filter((e) => e.path?.[0] === `c${i}`).map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })),
            ...((answer.data?.[`c${i}`] as { errors?: { code: string; field: string }[] } | null)?.errors ?? []),
          ];
          if (!refusals.some((r) => r.code === 'BAD_USER_INPUT' && r.field === field)) misses.push(`${probe.field.name} ${field}: ${JSON.stringify(refusals.length ? refusals : answer.errors?.slice(0, 1))}`);
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
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { name } }' }) });
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
      'a real person with another entity': { ...claimsOf(beneficiary), entityId: stranger.entityId, iat: now(), exp: now() + 3600 },
      'a real person claiming another role': { ...claimsOf(beneficiary), role: 'ANALYST', iat: now(), exp: now() + 3600 },
      'a supplier claiming another brand': { ...claimsOf(supplier), brandId: PEOPLE.aws.brandId, iat: now(), exp: now() + 3600 },
    };
    const answers = Object.fromEntries(await Promise.all(Object.entries(shapes).map(async ([shape, claims]) => [shape, (await asToken(await stack.signClaims(claims))).code])));
    expect(answers).toEqual({ ...Object.fromEntries(Object.keys(shapes).map((shape) => [shape, 'UNAUTHENTICATED'])), 'a well-formed token': 'OK' });
  });

  it("stop working once the person is deactivated, by the entity's manager or the market holder only", async () => {
    const invite = async (lastName: string) => {
      const invited = await act(stack, manager, 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id } errors { code } } }', {
        input: { entityId: manager.entityId, email: `${lastName.toLowerCase()}-${randomUUID()}@entite.gouv.fr`, firstName: 'Léa', lastName, role: 'BENEFICIARY' },
      });
      return { userId: invited.invitePerson.person.id, role: Role.BENEFICIARY, name: `Léa ${lastName}`, entityId: manager.entityId, entityName: manager.entityName } as Identity;
    };
    const leaving = await invite('Depart');
    const other = await invite('Autre');
    expect((await stack.query(leaving, '{ me { name } }')).data).toEqual({ me: { name: 'Léa Depart' } });
    const deactivate = async (by: Identity, personId: string) => (await stack.query(by, 'mutation($id: ID!) { deactivatePerson(personId: $id) { person { deactivatedAt } errors { code field } } }', { id: personId })).data!;
    // Not a manager of that entity, or one's own account: refused, nothing changes.
    expect((await deactivate(stranger, leaving.userId)).deactivatePerson.errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await deactivate(beneficiary, leaving.userId)).deactivatePerson.errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await deactivate(manager, manager.userId)).deactivatePerson.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'personId' }]);
    expect((await deactivate(holder, other.userId)).deactivatePerson.errors).toEqual([]);
    const done = await deactivate(manager, leaving.userId);
    expect(done.deactivatePerson).toEqual({ person: { deactivatedAt: expect.any(String) }, errors: [] });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the gateway's account cache (200 ms in tests)
    const refused = await stack.query(leaving, '{ me { name } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toContain('désactivé');
  });
});
