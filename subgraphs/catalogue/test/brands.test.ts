import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Role } from '@nuage/contracts';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@nuage/platform/testing';
import { catalogue } from '../src/index.js';
import { graphql } from '@nuage/fixtures/graphql';

const analyst = { userId: 'a', role: Role.ANALYST, name: 'Analyst' };
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(catalogue, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

const brandNames = async (filter: Record<string, unknown>) => {
  const { data, errors } = await subgraph.query(
    analyst,
    graphql(`query($f: BrandFilter) { brands(filter: $f, first: 100) { totalCount edges { node { name } } } }`),
    { f: filter },
  );
  expect(errors).toBeUndefined();
  return data!.brands!.edges.map((e: { node: { name: string } }) => e.node.name);
};

describe('catalogue brands', () => {
  it('seeds the 15 brands of the market once, however often it starts', async () => {
    const { data } = await subgraph.query(analyst, graphql(`{ brands { totalCount } markets { code name } }`));
    expect(data!.brands!.totalCount).toBe(15);
    expect(data!.markets!.map((m: { code: string }) => m.code)).toEqual(['CLOUD_COMMERCIAL_C3', 'NUAGE_PUBLIC']);
    const { seed } = catalogue;
    await seed!(subgraph.orm.em.fork());
    expect((await subgraph.query(analyst, graphql(`{ brands { totalCount } }`))).data!.brands!.totalCount).toBe(15);
  });

  it('finds SecNumCloud brands as of a date: three on 2024-10-02, S3NS added after 2025-12-17', async () => {
    expect(await brandNames({ certification: 'SECNUMCLOUD', asOf: '2024-10-02' })).toEqual([
      '3DS OUTSCALE',
      'CLOUD TEMPLE',
      'OVHCLOUD',
    ]);
    expect(await brandNames({ certification: 'SECNUMCLOUD', asOf: '2026-11-25' })).toEqual([
      '3DS OUTSCALE',
      'CLOUD TEMPLE',
      'OVHCLOUD',
      'S3NS',
    ]);
  });

  it('grants SecNumCloud to the qualified offer only, not to the brand’s other solutions', async () => {
    const { data } = await subgraph.query(
      analyst,
      graphql(
        `{ brands(filter: { text: "OVH" }) { edges { node { name solutions { name certifications(asOf: "2024-10-02") { code } } } } } }`,
      ),
    );
    const ovh = data!.brands!.edges[0]!.node;
    const qualified = ovh.solutions.filter((s: { certifications: { code: string }[] }) =>
      s.certifications.some((c) => c.code === 'SECNUMCLOUD'),
    );
    expect(qualified.map((s: { name: string }) => s.name)).toEqual(['OVH Private Cloud SecNumCloud']);
  });

  it('never lists a brand subject to extra-European law when asked for those that are not', async () => {
    const names = await brandNames({ extraEuLegislation: false });
    for (const us of ['AWS', 'Microsoft Azure', 'Google Cloud', 'ORACLE']) expect(names).not.toContain(us);
    expect(names).not.toContain('PLATFORM SH'); // exposure unknown: not asserted "not subject"
    expect(await brandNames({ extraEuLegislation: true })).toEqual([
      'AWS',
      'Google Cloud',
      'Microsoft Azure',
      'ORACLE',
    ]);
  });

  it('filters by service category, brand-wide or through a solution, and by text in solutions', async () => {
    expect(await brandNames({ serviceCategory: 'VDI' })).toEqual(['AWS', 'Microsoft Azure', 'ORACLE']);
    expect(await brandNames({ text: 'premi3ns' })).toEqual(['S3NS']);
  });

  it('pages with stable cursors that cover every brand once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data }: GraphQLResponse = await subgraph.query(
        analyst,
        graphql(
          `query($after: String) { brands(first: 4, after: $after) { pageInfo { hasNextPage endCursor } edges { node { name } } } }`,
        ),
        { after },
      );
      seen.push(...data!.brands.edges.map((e: { node: { name: string } }) => e.node.name));
      after = data!.brands.pageInfo.hasNextPage ? data!.brands.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
  });

  it('refuses bad input with a typed error naming the field', async () => {
    const tooMany = await subgraph.query(analyst, graphql(`{ brands(first: 101) { totalCount } }`));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const shortText = await subgraph.query(analyst, graphql(`{ brands(filter: { text: "a" }) { totalCount } }`));
    expect(shortText.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    const badCursor = await subgraph.query(analyst, graphql(`{ brands(after: "nonsense") { totalCount } }`));
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers no one without an identity signed by the gateway', async () => {
    const { errors } = await subgraph.query(null, graphql(`{ brands { totalCount } }`));
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('catalogue solutions', () => {
  const solutionNames = async (filter: Record<string, unknown>) => {
    const { data, errors } = await subgraph.query(
      analyst,
      graphql(
        `query($f: SolutionFilter) { solutions(filter: $f, first: 100) { totalCount edges { node { name brand { name } } } } }`,
      ),
      { f: filter },
    );
    expect(errors).toBeUndefined();
    return data!.solutions!.edges.map(
      (e: { node: { name: string; brand: { name: string } } }) => `${e.node.brand.name} / ${e.node.name}`,
    );
  };

  it('lists solutions by certification as of a date, by exposure, by brand and by words', async () => {
    // Sorted here: name order follows the server's collation (case-sensitive or not).
    expect((await solutionNames({ certification: 'SECNUMCLOUD', asOf: '2024-10-02' })).sort()).toEqual([
      '3DS OUTSCALE / Outscale Cloud Secteur Public SecNumCloud',
      'CLOUD TEMPLE / Cloud Temple',
      'OVHCLOUD / OVH Private Cloud SecNumCloud',
    ]);
    const notSubject = await solutionNames({ extraEuLegislation: false, serviceCategory: 'VDI' });
    expect(notSubject).toEqual([]);
    expect(await solutionNames({ text: 'workspaces' })).toEqual(['AWS / Amazon WorkSpaces']);
    expect((await solutionNames({ text: 'scaleway' })).length).toBe(3);
  });

  it('counts a brand-wide service for each of its solutions', async () => {
    const marketplaces = await solutionNames({ serviceCategory: 'MARKETPLACE', text: 'outscale' });
    expect(marketplaces).toHaveLength(3);
  });
});
