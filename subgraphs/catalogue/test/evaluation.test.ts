import { describe, expect, it } from 'vitest';
import { QuestionRule } from '../src/entities/question.js';
import { evaluate, EXPOSURE, Requirement, type Candidate, type Criterion } from '../src/services/evaluation.js';

const brand = (name: string, extraEuLegislation: boolean | null, services: string[] = []) => ({
  id: `b-${name}`,
  name,
  legalCountry: extraEuLegislation ? 'US' : 'FR',
  extraEuLegislation,
  services,
});
const pair = (
  b: ReturnType<typeof brand>,
  solution: string,
  serviceCategories: string[],
  certifications: Record<string, string | null> = {},
): Candidate => ({
  brand: b,
  solution: { id: `s-${solution}`, name: solution, serviceCategories },
  certifications: new Map(Object.entries(certifications)),
});

const criterion = (
  rule: QuestionRule,
  code: string,
  requirement = Requirement.REQUIRED,
  questionPosition = 1,
  exceptBrands: { id: string; name: string }[] = [],
): Criterion => ({
  question: rule,
  questionLabel: { fr: rule, en: rule },
  questionPosition,
  option: code,
  optionLabel: { fr: code, en: code },
  optionPosition: 1,
  rule,
  criterion: code,
  requirement,
  exceptBrands,
});

const sovereign = brand('SOUVERAIN', false, ['MARKETPLACE']);
const american = brand('AMERICAN', true, ['CMDB', 'MARKETPLACE']);
const unknown = brand('UNKNOWN', null);
const candidates = [
  pair(sovereign, 'Qualified', ['VM_STANDARD'], { SECNUMCLOUD: '2023-12-01' }),
  pair(sovereign, 'Plain', ['VM_STANDARD', 'CMDB']),
  pair(american, 'Compute', ['VM_STANDARD'], { HDS: null }),
  pair(unknown, 'PaaS', ['SERVERLESS']),
];
const names = (result: { brandName: string; solutionName: string }[]) =>
  result.map((r) => `${r.brandName}/${r.solutionName}`);

describe('guided-choice evaluation', () => {
  it.each([
    [
      'only providers not subject',
      [criterion(QuestionRule.EXPOSURE, EXPOSURE.NOT_SUBJECT)],
      ['SOUVERAIN/Plain', 'SOUVERAIN/Qualified'],
    ],
    [
      'all providers',
      [criterion(QuestionRule.EXPOSURE, EXPOSURE.ANY)],
      ['AMERICAN/Compute', 'SOUVERAIN/Plain', 'SOUVERAIN/Qualified', 'UNKNOWN/PaaS'],
    ],
    [
      'all except AMERICAN',
      [
        criterion(QuestionRule.EXPOSURE, EXPOSURE.ANY_EXCEPT, Requirement.REQUIRED, 1, [
          { id: american.id, name: american.name },
        ]),
      ],
      ['SOUVERAIN/Plain', 'SOUVERAIN/Qualified', 'UNKNOWN/PaaS'],
    ],
    ['a certification held', [criterion(QuestionRule.CERTIFICATION, 'SECNUMCLOUD')], ['SOUVERAIN/Qualified']],
    [
      'a service of the solution or of its brand',
      [criterion(QuestionRule.SERVICE_CATEGORY, 'CMDB')],
      ['AMERICAN/Compute', 'SOUVERAIN/Plain'],
    ],
  ])('keeps the pairs that meet every required option: %s', (_, criteria, expected) => {
    expect(names(evaluate(criteria, candidates, '2024-10-02').matches).sort()).toEqual(expected);
  });

  it('ranks by desired options met, ties sharing a rank and keeping the listing order they came in', () => {
    // The catalogue lists its offers by brand, then solution name (see catalogue-snapshot.ts).
    const [qualified, plain, compute, paas] = candidates;
    const result = evaluate(
      [
        criterion(QuestionRule.EXPOSURE, EXPOSURE.ANY),
        criterion(QuestionRule.SERVICE_CATEGORY, 'CMDB', Requirement.DESIRED, 2),
        criterion(QuestionRule.SERVICE_CATEGORY, 'MARKETPLACE', Requirement.DESIRED, 2),
      ],
      [compute!, plain!, qualified!, paas!],
      '2024-10-02',
    );
    expect(result.matches.map((m) => [m.brandName, m.solutionName, m.desiredMet, m.rank])).toEqual([
      ['AMERICAN', 'Compute', 2, 1],
      ['SOUVERAIN', 'Plain', 2, 1],
      ['SOUVERAIN', 'Qualified', 1, 3],
      ['UNKNOWN', 'PaaS', 0, 4],
    ]);
    expect(result.exclusions).toEqual([]);
  });

  it('explains each match and gives each exclusion the first required option it fails, in questionnaire order', () => {
    const result = evaluate(
      [
        criterion(QuestionRule.CERTIFICATION, 'SECNUMCLOUD', Requirement.REQUIRED, 2),
        criterion(QuestionRule.EXPOSURE, EXPOSURE.NOT_SUBJECT, Requirement.REQUIRED, 1),
      ],
      candidates,
      '2024-10-02',
    );
    expect(result.matches[0]!.checks.map((c) => c.explanation.en)).toEqual([
      'Not subject to extra-European legislation (legal entity: FR)',
      'SECNUMCLOUD held since 1 December 2023',
    ]);
    const reasons = Object.fromEntries(
      result.exclusions.map((e) => [`${e.brandName}/${e.solutionName}`, e.reason.explanation.fr]),
    );
    expect(reasons).toEqual({
      'AMERICAN/Compute': 'Soumis à une législation extra-européenne (entité juridique : US)',
      'SOUVERAIN/Plain': 'SECNUMCLOUD non détenu au 02/10/2024',
      'UNKNOWN/PaaS': 'Exposition à une législation extra-européenne non établie',
    });
  });

  it('says whether a service comes from the solution or from its brand', () => {
    const { matches } = evaluate(
      [criterion(QuestionRule.SERVICE_CATEGORY, 'MARKETPLACE', Requirement.DESIRED)],
      candidates,
      '2024-10-02',
    );
    const why = Object.fromEntries(matches.map((m) => [m.solutionName, m.checks[0]!.explanation.fr]));
    expect(why.Qualified).toBe('MARKETPLACE : proposé par SOUVERAIN');
    expect(why.PaaS).toBe('MARKETPLACE : non proposé');
  });
});
