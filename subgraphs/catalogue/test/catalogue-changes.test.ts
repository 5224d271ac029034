import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stableId, type Identity } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { catalogue } from '../src/index.js';
import { analyst, beneficiary, brandId, GUIDE_ANSWERS, marketHolder, supplierOf, type Answer } from './identities.js';
import { graphql } from '@nuage/fixtures/graphql';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(catalogue, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

const solutionId = (brand: string, name: string) => stableId('solution', `${brand}/${name}`);
const mutate = async (caller: Identity, mutation: string, input: Record<string, unknown>) => {
  const response = await subgraph.query(
    caller,
    `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { errors { code field message } } }`,
    { input },
  );
  return response.errors ? { refused: response.errors[0]!.extensions!.code } : response.data![mutation].errors;
};
const matches = async (answers: Answer[], asOf?: string) => {
  const { data, errors } = await subgraph.query(
    beneficiary,
    graphql(
      `query($input: GuidedChoiceInput!) { evaluateGuidedChoice(input: $input) { matches(first: 100) { edges { node { brandName solutionName } } } } }`,
    ),
    { input: { answers, asOf } },
  );
  expect(errors).toBeUndefined();
  return data!.evaluateGuidedChoice!.matches.edges.map(
    ({ node }: { node: { brandName: string; solutionName: string } }) => `${node.brandName} / ${node.solutionName}`,
  );
};
const history = async (subjectId?: string) =>
  (
    await subgraph.query(
      analyst,
      graphql(
        `query($id: ID) { catalogueChanges(subjectId: $id, first: 100) { totalCount edges { node { subjectType action authorName reason before after createdAt } } } }`,
      ),
      { id: subjectId },
    )
  ).data!.catalogueChanges!;

describe("market holder's changes to the catalogue", () => {
  it('grants a certification from a date: evaluations before it do not see it, after it do, and the change is kept', async () => {
    const scalingo = solutionId('SCALINGO', 'Scalingo SecNumCloud region');
    expect(
      await mutate(marketHolder, 'addCertification', {
        solutionId: scalingo,
        code: 'SECNUMCLOUD',
        validFrom: '2026-03-01',
        reason: 'Qualification ANSSI publiée',
      }),
    ).toEqual([]);
    expect(await matches(GUIDE_ANSWERS, '2026-02-28')).not.toContain('SCALINGO / Scalingo SecNumCloud region');
    expect(await matches(GUIDE_ANSWERS, '2026-03-01')).toContain('SCALINGO / Scalingo SecNumCloud region');
    const { edges } = await history();
    expect(edges[0]!.node).toMatchObject({
      subjectType: 'CERTIFICATION',
      action: 'certification.added',
      authorName: 'Sophie Bernard',
      reason: 'Qualification ANSSI publiée',
      before: null,
      after: { code: 'SECNUMCLOUD', validFrom: '2026-03-01' },
    });
  });

  it('ends a certification on a withdrawal without erasing the past', async () => {
    const { data } = await subgraph.query(
      analyst,
      graphql(
        `query($id: ID!) { brand(id: $id) { solutions { id name certifications(asOf: "2024-10-02") { id code } } } }`,
      ),
      { id: brandId('CLOUD TEMPLE') },
    );
    const cloudTemple = data!.brand!.solutions.find((s: { name: string }) => s.name === 'Cloud Temple');
    const secnumcloud = cloudTemple!.certifications.find((c: { code: string }) => c.code === 'SECNUMCLOUD');
    expect(
      await mutate(marketHolder, 'updateCertification', {
        id: secnumcloud!.id,
        validTo: '2026-06-30',
        reason: 'Retrait',
      }),
    ).toEqual([]);
    expect(await matches(GUIDE_ANSWERS, '2024-10-02')).toContain('CLOUD TEMPLE / Cloud Temple');
    expect(await matches(GUIDE_ANSWERS, '2026-07-01')).not.toContain('CLOUD TEMPLE / Cloud Temple');
    expect((await history(secnumcloud!.id))!.edges[0]!.node).toMatchObject({
      action: 'certification.updated',
      before: { validTo: null },
      after: { validTo: '2026-06-30' },
    });
  });

  it('adds a questionnaire option that buyers can answer at once, and retires one so it can no longer be answered', async () => {
    expect(
      await mutate(marketHolder, 'addQuestionOption', {
        question: 'CERTIFICATIONS',
        code: 'C5',
        labelFr: 'BSI C5',
        labelEn: 'BSI C5',
      }),
    ).toEqual([]);
    const { data } = await subgraph.query(
      beneficiary,
      graphql(`{ questionnaire { code mandatory label options { code label } } }`),
      undefined,
      { 'accept-language': 'en' },
    );
    const certifications = data!.questionnaire!.find((q: { code: string }) => q.code === 'CERTIFICATIONS');
    expect(certifications).toMatchObject({ mandatory: true, label: 'Standards / certifications / qualifications' });
    expect(certifications!.options.at(-1)).toEqual({ code: 'C5', label: 'BSI C5' });
    expect(await matches([GUIDE_ANSWERS[0]!, { question: 'CERTIFICATIONS', option: 'C5' }])).toEqual([]);

    expect(
      await mutate(marketHolder, 'retireQuestionOption', {
        question: 'CERTIFICATIONS',
        option: 'C5',
        reason: 'Hors marché',
      }),
    ).toEqual([]);
    const refused = await subgraph.query(
      beneficiary,
      graphql(`query($input: GuidedChoiceInput!) { evaluateGuidedChoice(input: $input) { matchCount } }`),
      { input: { answers: [GUIDE_ANSWERS[0]!, { question: 'CERTIFICATIONS', option: 'C5' }] } },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.CERTIFICATIONS' });
    const withRetired = await subgraph.query(
      analyst,
      graphql(`{ questionnaire { code options(includeRetired: true) { code retiredAt } } }`),
    );
    expect(
      withRetired.data!.questionnaire!.find((q: { code: string }) => q.code === 'CERTIFICATIONS')!.options.at(-1)!
        .retiredAt,
    ).not.toBeNull();
    expect((await history())!.edges.slice(0, 2).map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'option.retired',
      'option.added',
    ]);
  });

  it("changes a brand's offers: a new solution is evaluated at once, a withdrawn one no longer", async () => {
    expect(
      await mutate(marketHolder, 'addSolution', {
        brandId: brandId('Numspot'),
        name: 'Numspot Marketplace',
        description: 'Catalogue de services managés',
        serviceCategories: ['MARKETPLACE'],
      }),
    ).toEqual([]);
    const marketplace: Answer[] = [
      GUIDE_ANSWERS[0]!,
      { question: 'CERTIFICATIONS', option: 'ISO_27001', requirement: 'DESIRED' },
      { question: 'ADVANCED', option: 'MARKETPLACE' },
    ];
    expect(await matches(marketplace)).toContain('Numspot / Numspot Marketplace');
    const { data } = await subgraph.query(
      analyst,
      graphql(`query($id: ID!) { brand(id: $id) { solutions { id name } } }`),
      {
        id: brandId('Numspot'),
      },
    );
    const added = data!.brand!.solutions.find((s: { name: string }) => s.name === 'Numspot Marketplace');
    expect(await mutate(marketHolder, 'updateSolution', { id: added!.id, retired: true })).toEqual([]);
    expect(await matches(marketplace)).not.toContain('Numspot / Numspot Marketplace');
    expect((await history(added!.id))!.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'solution.retired',
      'solution.added',
    ]);
  });

  it("corrects a brand's exposure to extra-European law, which the evaluation then follows", async () => {
    const notSubject = [
      { question: 'EXTRA_EU_LEGISLATION', option: 'NOT_SUBJECT_ONLY' },
      { question: 'CERTIFICATIONS', option: 'PCI_DSS' },
    ];
    expect(await matches(notSubject)).not.toContain('PLATFORM SH / Platform.sh / Upsun');
    expect(
      await mutate(marketHolder, 'updateBrand', {
        id: brandId('PLATFORM SH'),
        extraEuLegislation: false,
        reason: 'Entité française contractante',
      }),
    ).toEqual([]);
    expect(await matches(notSubject)).toContain('PLATFORM SH / Platform.sh / Upsun');
  });

  it.each([
    [
      'an unknown solution',
      'addCertification',
      { solutionId: stableId('solution', 'nope'), code: 'HDS' },
      'NOT_FOUND',
      'input.solutionId',
    ],
    [
      'a malformed certification code',
      'addCertification',
      { solutionId: solutionId('OVHCLOUD', 'BareMetal'), code: 'hds!' },
      'BAD_USER_INPUT',
      'input.code',
    ],
    [
      'a validity ending before it starts',
      'addCertification',
      { solutionId: solutionId('OVHCLOUD', 'BareMetal'), code: 'HDS', validFrom: '2026-01-01', validTo: '2025-01-01' },
      'BAD_USER_INPUT',
      'input.validTo',
    ],
    [
      'an option on the exposure question',
      'addQuestionOption',
      { question: 'EXTRA_EU_LEGISLATION', code: 'EU_ONLY', labelFr: 'UE', labelEn: 'EU' },
      'BAD_USER_INPUT',
      'input.question',
    ],
    [
      'an option code already used',
      'addQuestionOption',
      { question: 'CERTIFICATIONS', code: 'HDS', labelFr: 'HDS', labelEn: 'HDS' },
      'BAD_USER_INPUT',
      'input.code',
    ],
    [
      'a solution name the brand already uses',
      'addSolution',
      { brandId: brandId('OVHCLOUD'), name: 'BareMetal', description: 'x', serviceCategories: [] },
      'BAD_USER_INPUT',
      'input.name',
    ],
    ['an empty tagline', 'updateBrand', { id: brandId('OVHCLOUD'), tagline: '  ' }, 'BAD_USER_INPUT', 'input.tagline'],
  ])('refuses %s and changes nothing', async (_, mutation, input, code, field) => {
    const before = (await history())!.totalCount;
    expect(await mutate(marketHolder, mutation, input)).toEqual([expect.objectContaining({ code, field })]);
    expect((await history())!.totalCount).toBe(before);
  });

  it('lets only the market holder write the catalogue', async () => {
    for (const caller of [beneficiary, supplierOf('OVHCLOUD'), analyst]) {
      expect(await mutate(caller, 'updateBrand', { id: brandId('OVHCLOUD'), tagline: 'Hacked' })).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN' }),
      ]);
    }
    const { data } = await subgraph.query(analyst, graphql(`query($id: ID!) { brand(id: $id) { tagline } }`), {
      id: brandId('OVHCLOUD'),
    });
    expect(data!.brand!.tagline).not.toBe('Hacked');
  });
});
