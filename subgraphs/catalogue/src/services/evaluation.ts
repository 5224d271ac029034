import { QuestionRule } from '../entities/question.js';

/**
 * The guided-choice evaluation (PAAC), free of the database: given what a buyer ticked and the
 * market's brands and solutions with the certifications they hold on the evaluation day, it keeps
 * the pairs that meet every required option, ranks them by desired options met, and explains why
 * each pair matched or the first reason it did not.
 */

export enum Requirement {
  /** "Exigé": a pair that does not meet it is excluded. */
  REQUIRED = 'REQUIRED',
  /** "Souhaité": pairs that meet it rank first. */
  DESIRED = 'DESIRED',
}

export interface Text {
  fr: string;
  en: string;
}

/** The criteria of an extra-European-exposure option. */
export const EXPOSURE = { NOT_SUBJECT: 'NOT_SUBJECT', ANY: 'ANY', ANY_EXCEPT: 'ANY_EXCEPT' } as const;

/** One ticked option, resolved against the questionnaire, labels included. */
export interface Criterion {
  question: string;
  questionLabel: Text;
  questionPosition: number;
  option: string;
  optionLabel: Text;
  optionPosition: number;
  rule: QuestionRule;
  criterion: string;
  requirement: Requirement;
  /** For ANY_EXCEPT: the brands the buyer ticked as not acceptable. */
  exceptBrands: { id: string; name: string }[];
}

export interface CandidateBrand {
  id: string;
  name: string;
  legalCountry: string;
  extraEuLegislation: boolean | null;
  services: string[];
}

export interface Candidate {
  brand: CandidateBrand;
  solution: { id: string; name: string; serviceCategories: string[] };
  /** Certifications the solution holds on the evaluation day, by code, with their first day (null: held before). */
  certifications: Map<string, string | null>;
}

export interface Check {
  question: string;
  option: string;
  requirement: Requirement;
  met: boolean;
  explanation: Text;
}

export interface PairResult {
  brandId: string;
  brandName: string;
  solutionId: string;
  solutionName: string;
  /** 1 for the best match; pairs meeting as many desired options share a rank. */
  rank: number;
  desiredMet: number;
  desiredCount: number;
  checks: Check[];
}

export interface Exclusion {
  brandId: string;
  brandName: string;
  solutionId: string;
  solutionName: string;
  /** The first required option the pair does not meet, in questionnaire order. */
  reason: Check;
}

export interface EvaluationResult {
  asOf: string;
  answers: Criterion[];
  matches: PairResult[];
  exclusions: Exclusion[];
}

// Formatters built once: creating them per call costs more than the evaluation itself.
const DAY_FORMATS = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};
const day = (iso: string, locale: 'fr' | 'en') => DAY_FORMATS[locale].format(new Date(`${iso}T00:00:00Z`));

/** Whether a pair meets one criterion, and why, in both languages. */
function check(criterion: Criterion, candidate: Candidate, asOf: string): { met: boolean; explanation: Text } {
  const { brand, solution } = candidate;
  const label = criterion.optionLabel;
  switch (criterion.rule) {
    case QuestionRule.EXPOSURE: {
      if (criterion.criterion === EXPOSURE.ANY) {
        return { met: true, explanation: { fr: 'Tous les CSP sont acceptés', en: 'Every provider is accepted' } };
      }
      if (criterion.criterion === EXPOSURE.ANY_EXCEPT) {
        const excluded = criterion.exceptBrands.some((b) => b.id === brand.id);
        return excluded
          ? {
              met: false,
              explanation: {
                fr: `${brand.name} est écarté par l'acheteur (mesures supplémentaires insuffisantes)`,
                en: `${brand.name} is excluded by the buyer (insufficient additional measures)`,
              },
            }
          : {
              met: true,
              explanation: {
                fr: `${brand.name} n'est pas écarté par l'acheteur`,
                en: `${brand.name} is not excluded by the buyer`,
              },
            };
      }
      if (brand.extraEuLegislation === false) {
        return {
          met: true,
          explanation: {
            fr: `Non soumis à une législation extra-européenne (entité juridique : ${brand.legalCountry})`,
            en: `Not subject to extra-European legislation (legal entity: ${brand.legalCountry})`,
          },
        };
      }
      return brand.extraEuLegislation === null
        ? {
            met: false,
            explanation: {
              fr: 'Exposition à une législation extra-européenne non établie',
              en: 'Exposure to extra-European legislation not established',
            },
          }
        : {
            met: false,
            explanation: {
              fr: `Soumis à une législation extra-européenne (entité juridique : ${brand.legalCountry})`,
              en: `Subject to extra-European legislation (legal entity: ${brand.legalCountry})`,
            },
          };
    }
    case QuestionRule.CERTIFICATION: {
      if (!candidate.certifications.has(criterion.criterion)) {
        return {
          met: false,
          explanation: {
            fr: `${label.fr} non détenu au ${day(asOf, 'fr')}`,
            en: `${label.en} not held on ${day(asOf, 'en')}`,
          },
        };
      }
      const since = candidate.certifications.get(criterion.criterion);
      return since
        ? {
            met: true,
            explanation: {
              fr: `${label.fr} détenu depuis le ${day(since, 'fr')}`,
              en: `${label.en} held since ${day(since, 'en')}`,
            },
          }
        : {
            met: true,
            explanation: {
              fr: `${label.fr} détenu au ${day(asOf, 'fr')}`,
              en: `${label.en} held on ${day(asOf, 'en')}`,
            },
          };
    }
    case QuestionRule.SERVICE_CATEGORY: {
      if (solution.serviceCategories.includes(criterion.criterion)) {
        return {
          met: true,
          explanation: { fr: `${label.fr} : couvert par la solution`, en: `${label.en}: covered by the solution` },
        };
      }
      // A brand-wide service (a marketplace, training…) serves every solution of the brand.
      if (brand.services.includes(criterion.criterion)) {
        return {
          met: true,
          explanation: { fr: `${label.fr} : proposé par ${brand.name}`, en: `${label.en}: offered by ${brand.name}` },
        };
      }
      return { met: false, explanation: { fr: `${label.fr} : non proposé`, en: `${label.en}: not offered` } };
    }
  }
}

/**
 * What a check's answer depends on besides its criterion: pairs of one case get the same answer,
 * built once per evaluation and shared (10,000 pairs share a few dozen answers).
 */
function caseOf(criterion: Criterion, candidate: Candidate): string {
  switch (criterion.rule) {
    case QuestionRule.EXPOSURE:
      return criterion.criterion === EXPOSURE.ANY ? '' : candidate.brand.id;
    case QuestionRule.CERTIFICATION: {
      const since = candidate.certifications.get(criterion.criterion);
      return since === undefined ? 'not held' : (since ?? 'held');
    }
    case QuestionRule.SERVICE_CATEGORY:
      return candidate.solution.serviceCategories.includes(criterion.criterion) ? 'solution' : candidate.brand.id;
  }
}

const byQuestionnaireOrder = (a: Criterion, b: Criterion) =>
  a.questionPosition - b.questionPosition || a.optionPosition - b.optionPosition;

/**
 * Evaluates every candidate pair against the criteria (see the module's comment). Candidates are
 * given in the order results are listed in among equals (brand, then solution name).
 */
export function evaluate(criteria: Criterion[], candidates: Candidate[], asOf: string): EvaluationResult {
  const ordered = [...criteria].sort(byQuestionnaireOrder);
  const desiredCount = ordered.filter((c) => c.requirement === Requirement.DESIRED).length;
  const answers = ordered.map(() => new Map<string, Check>());
  const answer = (index: number, criterion: Criterion, candidate: Candidate): Check => {
    const key = caseOf(criterion, candidate);
    let found = answers[index]!.get(key);
    if (!found) {
      found = {
        question: criterion.question,
        option: criterion.option,
        requirement: criterion.requirement,
        ...check(criterion, candidate, asOf),
      };
      answers[index]!.set(key, found);
    }
    return found;
  };
  const matches: Omit<PairResult, 'rank'>[] = [];
  const exclusions: Exclusion[] = [];
  for (const candidate of candidates) {
    const pair = {
      brandId: candidate.brand.id,
      brandName: candidate.brand.name,
      solutionId: candidate.solution.id,
      solutionName: candidate.solution.name,
    };
    const checks: Check[] = [];
    let failed: Check | undefined;
    for (const [index, criterion] of ordered.entries()) {
      const outcome = answer(index, criterion, candidate);
      if (!outcome.met && criterion.requirement === Requirement.REQUIRED) {
        failed = outcome;
        break;
      }
      checks.push(outcome);
    }
    if (failed) exclusions.push({ ...pair, reason: failed });
    else
      matches.push({
        ...pair,
        desiredMet: checks.filter((c) => c.met && c.requirement === Requirement.DESIRED).length,
        desiredCount,
        checks,
      });
  }
  // Candidates come in listing order and the sort is stable: equal pairs stay in that order.
  matches.sort((a, b) => b.desiredMet - a.desiredMet);
  let rank = 0;
  const ranked = matches.map((match, index) => {
    if (index === 0 || matches[index - 1]!.desiredMet !== match.desiredMet) rank = index + 1;
    return { ...match, rank };
  });
  return { asOf, answers: ordered, matches: ranked, exclusions };
}
