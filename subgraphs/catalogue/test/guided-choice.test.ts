import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractText } from 'unpdf';
import { IDENTITY_HEADER, signIdentity, sql, sqlStatementCount, todayInParis, type Identity } from '@nuage/platform';
import { startTestSubgraph, type TestSubgraph } from '@nuage/platform/testing';
import { catalogue } from '../src/index.js';
import {
  analyst,
  beneficiary,
  brandId,
  GUIDE_ANSWERS,
  marketHolder,
  otherEntityBuyer,
  supplierOf,
  type Answer,
} from './identities.js';
import { graphql, type VariablesOf } from '@nuage/fixtures/graphql';

const RECORD = graphql(
  `mutation($input: RecordGuidedChoiceInput!) { recordGuidedChoice(input: $input) { guidedChoice { id } errors { code field } } }`,
);

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(catalogue, inject('databaseUrl'));
});
afterAll(() => subgraph?.close());

const EVALUATE = graphql(`query($input: GuidedChoiceInput!) {
  evaluateGuidedChoice(input: $input) {
    asOf matchCount excludedCount
    matches(first: 100) { edges { node { brandName solutionName rank desiredMet desiredCount brand { slug } checks { option met explanation { fr en } } } } }
    exclusions(first: 100) { edges { node { brandName solutionName reason { question option explanation { en } } } } }
  }
}`);

type Pair = { brandName: string; solutionName: string };
const evaluate = async (answers: Answer[], asOf?: string, language?: 'en', caller: Identity = beneficiary) =>
  subgraph.query(caller, EVALUATE, { input: { answers, asOf } }, language ? { 'accept-language': language } : {});
const pairs = (nodes: { edges: { node: Pair }[] }) =>
  nodes.edges.map(({ node }) => `${node.brandName} / ${node.solutionName}`);

describe('guided choice (PAAC)', () => {
  it("gives the guide's three results as of 2 October 2024, ranked, each with why it matched", async () => {
    const { data, errors } = await evaluate(GUIDE_ANSWERS, '2024-10-02');
    expect(errors).toBeUndefined();
    const evaluation = data!.evaluateGuidedChoice;
    expect(evaluation!.matchCount).toBe(3);
    expect(pairs(evaluation!.matches).sort()).toEqual([
      '3DS OUTSCALE / Outscale Cloud Secteur Public SecNumCloud',
      'CLOUD TEMPLE / Cloud Temple',
      'OVHCLOUD / OVH Private Cloud SecNumCloud',
    ]);
    // Ranked by desired options met: Outscale (marketplace) and OVHcloud before Cloud Temple if it meets fewer.
    const ranks = evaluation!.matches.edges.map(({ node }: { node: { desiredMet: number; rank: number } }) => [
      node.desiredMet,
      node.rank,
    ]);
    expect(ranks.map(([met]: number[]) => met)).toEqual(
      [...ranks.map(([met]: number[]) => met)].sort((a, b) => b! - a!),
    );
    const outscale = evaluation!.matches.edges.find(
      ({ node }: { node: Pair }) => node.brandName === '3DS OUTSCALE',
    )!.node;
    expect(outscale.brand!.slug).toBe('3ds-outscale');
    expect(outscale.checks.find((c: { option: string }) => c.option === 'SECNUMCLOUD')!.explanation.fr).toBe(
      'SecNumCloud détenu depuis le 01/12/2023',
    );
    expect(outscale.checks.find((c: { option: string }) => c.option === 'MARKETPLACE')).toMatchObject({ met: true });
    expect(evaluation!.matchCount + evaluation!.excludedCount).toBe(39); // every seeded solution, matched or excluded
    // Among equals, and among exclusions, pairs are listed by brand, then solution name (French collation).
    const collator = new Intl.Collator('fr');
    const listed = (nodes: { edges: { node: Pair & { desiredMet?: number } }[] }) =>
      nodes.edges.map(({ node }) => [node.desiredMet ?? 0, node.brandName, node.solutionName] as const);
    for (const list of [listed(evaluation!.matches), listed(evaluation!.exclusions)])
      expect(list).toEqual(
        [...list].sort((a, b) => b[0] - a[0] || collator.compare(a[1], b[1]) || collator.compare(a[2], b[2])),
      );
  });

  it('adds S3NS / PREMI3NS when asked as of today (qualified on 2025-12-17), and reads today by default', async () => {
    const { data } = await evaluate(GUIDE_ANSWERS);
    expect(data!.evaluateGuidedChoice!.asOf).toBe(todayInParis());
    expect(pairs(data!.evaluateGuidedChoice!.matches)).toContain('S3NS / PREMI3NS');
    expect(data!.evaluateGuidedChoice!.matchCount).toBe(4);
    const before = await evaluate(GUIDE_ANSWERS, '2025-12-16');
    expect(pairs(before.data!.evaluateGuidedChoice!.matches)).not.toContain('S3NS / PREMI3NS');
  });

  it('reads the catalogue once while it does not change, and again as soon as anything changes it', async () => {
    const outscale = '3DS OUTSCALE / Outscale Cloud Secteur Public SecNumCloud';
    await evaluate(GUIDE_ANSWERS, '2024-10-02');
    const before = sqlStatementCount(subgraph.orm);
    const { data } = await evaluate(GUIDE_ANSWERS, '2024-10-02');
    expect(pairs(data!.evaluateGuidedChoice!.matches)).toContain(outscale);
    // The catalogue's version, and the brands the answer shows: the questionnaire and offers are kept.
    expect(sqlStatementCount(subgraph.orm) - before).toBe(2);

    // Withdrawn behind the service's back (another replica, an operator's script): the next
    // evaluation sees it, and so does the one after the certification is restored.
    const em = subgraph.orm.em.fork();
    const withdraw = (to: string | null) =>
      sql(
        em,
        `update certification set valid_to = ? where code = 'SECNUMCLOUD'
            and solution_id = (select id from solution where name = 'Outscale Cloud Secteur Public SecNumCloud')`,
        [to],
      );
    await withdraw('2024-01-01');
    try {
      const after = await evaluate(GUIDE_ANSWERS, '2024-10-02');
      expect(pairs(after.data!.evaluateGuidedChoice!.matches)).not.toContain(outscale);
      expect(pairs(after.data!.evaluateGuidedChoice!.exclusions)).toContain(outscale);
    } finally {
      await withdraw(null);
    }
    const restored = await evaluate(GUIDE_ANSWERS, '2024-10-02');
    expect(pairs(restored.data!.evaluateGuidedChoice!.matches)).toContain(outscale);
  });

  it('gives every excluded pair the first reason it failed', async () => {
    const { data } = await evaluate(GUIDE_ANSWERS, '2024-10-02');
    const premiens = data!.evaluateGuidedChoice!.exclusions.edges.find(
      ({ node }: { node: Pair }) => node.solutionName === 'PREMI3NS',
    )!.node;
    expect(premiens.reason).toEqual({
      question: 'CERTIFICATIONS',
      option: 'SECNUMCLOUD',
      explanation: { en: 'SecNumCloud not held on 2 October 2024' },
    });
  });

  it('never returns a US brand to "only providers not subject to extra-European law"', async () => {
    const { data } = await evaluate([
      { question: 'EXTRA_EU_LEGISLATION', option: 'NOT_SUBJECT_ONLY' },
      { question: 'CERTIFICATIONS', option: 'ISO_27001', requirement: 'DESIRED' },
    ]);
    const brands = new Set(data!.evaluateGuidedChoice!.matches.edges.map(({ node }: { node: Pair }) => node.brandName));
    for (const us of ['AWS', 'Microsoft Azure', 'Google Cloud', 'ORACLE']) expect(brands).not.toContain(us);
    expect(brands).toContain('OVHCLOUD');
    const aws = data!.evaluateGuidedChoice!.exclusions.edges.find(
      ({ node }: { node: Pair }) => node.brandName === 'AWS',
    )!.node;
    expect(aws.reason.explanation.en).toBe('Subject to extra-European legislation (legal entity: US)');
  });

  it('removes only the brand excluded with "all except those ticked"', async () => {
    const base: Answer[] = [{ question: 'CERTIFICATIONS', option: 'ISO_27001', requirement: 'DESIRED' }];
    const all = await evaluate([{ question: 'EXTRA_EU_LEGISLATION', option: 'ALL_PROVIDERS' }, ...base]);
    const except = await evaluate([
      { question: 'EXTRA_EU_LEGISLATION', option: 'ALL_EXCEPT', exceptBrandIds: [brandId('AWS')] },
      ...base,
    ]);
    const withAll = pairs(all.data!.evaluateGuidedChoice!.matches);
    const withExcept = pairs(except.data!.evaluateGuidedChoice!.matches);
    expect(withExcept).toEqual(withAll.filter((p) => !p.startsWith('AWS /')));
    expect(withAll.length - withExcept.length).toBe(3);
  });

  it.each([
    [
      'a mandatory question left out',
      [{ question: 'EXTRA_EU_LEGISLATION', option: 'ALL_PROVIDERS' }],
      'answers.CERTIFICATIONS',
      /mandatory/,
    ],
    [
      'an unknown question',
      [...GUIDE_ANSWERS, { question: 'COLOUR', option: 'BLUE' }],
      'answers.COLOUR',
      /no question/,
    ],
    [
      'an unknown option',
      [...GUIDE_ANSWERS, { question: 'COMPUTE', option: 'QUANTUM' }],
      'answers.COMPUTE',
      /no option "QUANTUM"/,
    ],
    [
      'two answers to a one-answer question',
      [...GUIDE_ANSWERS, { question: 'EXTRA_EU_LEGISLATION', option: 'NOT_SUBJECT_ONLY' }],
      'answers.EXTRA_EU_LEGISLATION',
      /exactly one/,
    ],
    [
      'a desired exposure',
      [{ question: 'EXTRA_EU_LEGISLATION', option: 'ALL_PROVIDERS', requirement: 'DESIRED' }, GUIDE_ANSWERS[1]!],
      'answers.EXTRA_EU_LEGISLATION',
      /always required/,
    ],
    [
      '"all except" without a brand',
      [{ question: 'EXTRA_EU_LEGISLATION', option: 'ALL_EXCEPT' }, GUIDE_ANSWERS[1]!],
      'answers.EXTRA_EU_LEGISLATION',
      /at least one provider/,
    ],
    [
      '"all except" an unknown brand',
      [
        {
          question: 'EXTRA_EU_LEGISLATION',
          option: 'ALL_EXCEPT',
          exceptBrandIds: ['00000000-0000-4000-8000-000000000000'],
        },
        GUIDE_ANSWERS[1]!,
      ],
      'answers.EXTRA_EU_LEGISLATION',
      /no brand/,
    ],
  ] as [string, Answer[], string, RegExp][])(
    'refuses %s with a typed error naming the question',
    async (_, answers, field, reason) => {
      const { data, errors } = await evaluate(answers, undefined, 'en');
      expect(data).toEqual({ evaluateGuidedChoice: null });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errors?.[0]?.extensions?.reason).toMatch(reason);
    },
  );

  it('records an evaluation for the buyer’s entity, readable by it and market-wide staff (suppliers once a request is addressed to them)', async () => {
    const { data } = await subgraph.query(
      beneficiary,
      graphql(`mutation($input: RecordGuidedChoiceInput!) { recordGuidedChoice(input: $input) {
         guidedChoice { id projectName entityId entityName authorName asOf market { name } reportUrl evaluation { matchCount answers { question option requirement optionLabel { fr } } } }
         errors { code field message } } }`),
      { input: { projectName: 'Environnement Cloud - Projet', asOf: '2024-10-02', answers: GUIDE_ANSWERS } },
    );
    const { guidedChoice, errors } = data!.recordGuidedChoice;
    expect(errors).toEqual([]);
    expect(guidedChoice).toMatchObject({
      projectName: 'Environnement Cloud - Projet',
      entityName: 'Entité de démonstration',
      authorName: 'Clara Maurice',
      asOf: '2024-10-02',
      market: { name: 'Nuage Public' },
    });
    expect(guidedChoice!.evaluation.matchCount).toBe(3);
    expect(guidedChoice!.evaluation.answers[1]).toEqual({
      question: 'CERTIFICATIONS',
      option: 'SECNUMCLOUD',
      requirement: 'REQUIRED',
      optionLabel: { fr: 'SecNumCloud' },
    });

    const read = (caller: Identity) =>
      subgraph.query(caller, graphql(`query($id: ID!) { guidedChoice(id: $id) { projectName } }`), {
        id: guidedChoice!.id,
      });
    for (const allowed of [beneficiary, analyst, marketHolder])
      expect((await read(allowed)).data?.guidedChoice?.projectName).toBe('Environnement Cloud - Projet');
    // OVHcloud is retained, but no request built on it solicits it yet (the gateway tests follow it further).
    for (const refused of [otherEntityBuyer, supplierOf('OVHCLOUD'), supplierOf('AWS')])
      expect((await read(refused)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const list = async (caller: Identity) =>
      (
        await subgraph.query(caller, graphql(`{ guidedChoices(first: 100) { edges { node { id } } } }`))
      ).data!.guidedChoices!.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await list(beneficiary)).toContain(guidedChoice!.id);
    expect(await list(supplierOf('AWS'))).not.toContain(guidedChoice!.id);
    expect(await list(otherEntityBuyer)).not.toContain(guidedChoice!.id);
  });

  it('refuses to record bad answers or a nameless project, and keeps nothing', async () => {
    const count = async () =>
      (await subgraph.query(analyst, graphql(`{ guidedChoices { totalCount } }`))).data!.guidedChoices!.totalCount;
    const before = await count();
    const record = (input: VariablesOf<typeof RECORD>['input']) => subgraph.query(beneficiary, RECORD, { input });
    expect((await record({ projectName: '  ', answers: GUIDE_ANSWERS })).data!.recordGuidedChoice).toEqual({
      guidedChoice: null,
      errors: [{ code: 'BAD_USER_INPUT', field: 'input.projectName' }],
    });
    expect(
      (await record({ projectName: 'P', answers: GUIDE_ANSWERS.slice(0, 1) })).data!.recordGuidedChoice.errors,
    ).toEqual([{ code: 'BAD_USER_INPUT', field: 'answers.CERTIFICATIONS' }]);
    const bySupplier = await subgraph.query(
      supplierOf('OVHCLOUD'),
      graphql(`mutation($input: RecordGuidedChoiceInput!) { recordGuidedChoice(input: $input) { errors { code } } }`),
      { input: { projectName: 'P', answers: GUIDE_ANSWERS } },
    );
    expect(bySupplier.data!.recordGuidedChoice.errors).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await count()).toBe(before);
  });

  it('prints the PAAC report as a PDF with the project, market, date, author, entity, answers and results', async () => {
    const { data } = await subgraph.query(
      beneficiary,
      graphql(
        `mutation($input: RecordGuidedChoiceInput!) { recordGuidedChoice(input: $input) { guidedChoice { id reportUrl } } }`,
      ),
      {
        input: { projectName: 'Environnement Cloud - Projet', asOf: '2024-10-02', answers: GUIDE_ANSWERS },
      },
    );
    const { id, reportUrl } = data!.recordGuidedChoice.guidedChoice!;
    expect(reportUrl).toBe(`/downloads/catalogue/guided-choices/${id}/report.pdf`);
    const download = (caller: Identity | null) =>
      fetch(new URL(`/downloads/guided-choices/${id}/report.pdf`, subgraph.url), {
        headers: caller ? { [IDENTITY_HEADER]: signIdentity(caller, subgraph.keys.identities) } : {},
      });
    const response = await download(beneficiary);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    // Named as the portal names it: PAAC-<yyyyMMddHHmmssSSS>.pdf, Paris time of the evaluation.
    expect(response.headers.get('content-disposition')).toMatch(/PAAC-\d{17}\.pdf/);
    const pdf = new Uint8Array(await response.arrayBuffer());
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    for (const expected of [
      "Parcours d'Aide Au Choix",
      'Environnement Cloud - Projet',
      'Nuage Public',
      'Clara Maurice',
      'Entité de démonstration',
      'Recours à tous les CSP',
      'SecNumCloud',
      "Services d'inventaire et gestion des configurations (CMDB)",
      "Disponibilité d'une marketplace",
      '3 résultat(s)',
      'OUTSCALE',
      'Outscale Cloud Secteur Public SecNumCloud',
      'CLOUD TEMPLE',
      'OVH Private Cloud SecNumCloud',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('PREMI3NS');
    expect((await download(otherEntityBuyer)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
  });
});
