import type { EntityManager } from '@mikro-orm/postgresql';
import {
  invalid,
  notFound,
  paginate,
  publish,
  stableId,
  todayInParis,
  type Identity,
  type PageArgs,
} from '@nuage/platform';
import { Role, TOPICS, type GuidedChoiceRecorded, type RequestSubmitted } from '@nuage/contracts';
import { GuidedChoice, Market, QuestionRule } from '../entities/index.js';
import { candidatesOn, catalogueSnapshot, type QuestionnaireEntry } from './catalogue-snapshot.js';
import { evaluate, EXPOSURE, Requirement, type Criterion, type EvaluationResult } from './evaluation.js';
import { assertMay, guidedChoicesFor } from './access.js';
import { paacFileName, reportPath } from './report-print.js';

/** What a buyer ticked: one option of one question, required or desired. */
export interface Answer {
  question: string;
  option: string;
  requirement?: Requirement;
  /** Only with the exposure option ANY_EXCEPT: the brands ticked as not acceptable. */
  exceptBrandIds?: string[];
}

const text = (row: { labelFr: string; labelEn: string }) => ({ fr: row.labelFr, en: row.labelEn });

/**
 * Checks the answers against the questionnaire and resolves them to criteria. Every refusal names
 * the question at fault in `field` ("answers.CERTIFICATIONS").
 */
export function resolveAnswers(
  questionnaire: QuestionnaireEntry[],
  answers: Answer[],
  brandNames: Map<string, string>,
): Criterion[] {
  const byCode = new Map(questionnaire.map((entry) => [entry.question.code, entry]));
  const criteria: Criterion[] = [];
  for (const answer of answers) {
    const entry = byCode.get(answer.question);
    const field = `answers.${answer.question}`;
    if (!entry)
      throw invalid(field, {
        fr: `Le questionnaire n'a pas de question « ${answer.question} ».`,
        en: `There is no question "${answer.question}" in the questionnaire.`,
      });
    const { question, options } = entry;
    const option = options.find((o) => o.code === answer.option);
    if (!option)
      throw invalid(field, {
        fr: `La question « ${question.labelFr} » n'a pas d'option « ${answer.option} » (ou elle a été retirée).`,
        en: `The question « ${question.labelFr} » has no option "${answer.option}" (or it was retired).`,
      });
    if (criteria.some((c) => c.question === question.code && c.option === option.code)) {
      throw invalid(field, {
        fr: `L'option « ${option.code} » de « ${question.labelFr} » est répondue deux fois.`,
        en: `The option "${option.code}" of « ${question.labelFr} » is answered twice.`,
      });
    }
    if (!question.multiple && criteria.some((c) => c.question === question.code)) {
      throw invalid(field, {
        fr: `La question « ${question.labelFr} » prend exactement une réponse.`,
        en: `The question « ${question.labelFr} » takes exactly one answer.`,
      });
    }
    const requirement = answer.requirement ?? Requirement.REQUIRED;
    if (question.rule === QuestionRule.EXPOSURE && requirement !== Requirement.REQUIRED) {
      throw invalid(field, {
        fr: `La question « ${question.labelFr} » filtre les fournisseurs : sa réponse est toujours exigée.`,
        en: `The question « ${question.labelFr} » filters providers: its answer is always required.`,
      });
    }
    const exceptBrandIds = [...new Set(answer.exceptBrandIds ?? [])];
    const listsBrands = question.rule === QuestionRule.EXPOSURE && option.criterion === EXPOSURE.ANY_EXCEPT;
    if (listsBrands && exceptBrandIds.length === 0)
      throw invalid(field, {
        fr: 'Cochez au moins un fournisseur à exclure avec « tous les CSP sauf ».',
        en: 'Tick at least one provider to exclude with « tous les CSP sauf ».',
      });
    if (!listsBrands && exceptBrandIds.length > 0)
      throw invalid(field, {
        fr: "Les fournisseurs à exclure ne vont qu'avec l'option « tous les CSP sauf ».",
        en: 'Providers to exclude only go with the option « tous les CSP sauf ».',
      });
    const unknown = exceptBrandIds.find((id) => !brandNames.has(id));
    if (unknown)
      throw invalid(field, {
        fr: `Aucune marque du marché n'a l'identifiant ${unknown}.`,
        en: `There is no brand with id ${unknown} on the market.`,
      });
    criteria.push({
      question: question.code,
      questionLabel: text(question),
      questionPosition: question.position,
      option: option.code,
      optionLabel: text(option),
      optionPosition: option.position,
      rule: question.rule,
      criterion: option.criterion,
      requirement,
      exceptBrands: exceptBrandIds.map((id) => ({ id, name: brandNames.get(id)! })),
    });
  }
  for (const { question } of questionnaire) {
    if (question.mandatory && !criteria.some((c) => c.question === question.code)) {
      throw invalid(`answers.${question.code}`, {
        fr: `La question « ${question.labelFr} » est obligatoire : cochez une option.`,
        en: `The question « ${question.labelFr} » is mandatory: tick an option.`,
      });
    }
  }
  return criteria;
}

/** Evaluates a buyer's answers against the catalogue as it stood on `asOf` (today by default). */
export async function evaluateAnswers(
  em: EntityManager,
  answers: Answer[],
  asOf = todayInParis(),
): Promise<EvaluationResult> {
  const snapshot = await catalogueSnapshot(em);
  const criteria = resolveAnswers(snapshot.questionnaire, answers, snapshot.brandNames);
  const codes = criteria.filter((c) => c.rule === QuestionRule.CERTIFICATION).map((c) => c.criterion);
  return evaluate(criteria, candidatesOn(snapshot, asOf, codes), asOf);
}

export const NUAGE_PUBLIC_MARKET_ID = stableId('market', 'NUAGE_PUBLIC');

export interface RecordInput {
  projectName: string;
  marketId?: string;
  asOf?: string;
  answers: Answer[];
}

/** Evaluates and keeps the evaluation of a buyer, for a request to attach and for its PAAC report. */
export async function recordGuidedChoice(
  em: EntityManager,
  caller: Identity,
  input: RecordInput,
): Promise<GuidedChoice> {
  assertMay(caller, 'guidedChoice:record');
  const projectName = input.projectName.trim();
  if (projectName.length < 1 || projectName.length > 200)
    throw invalid('input.projectName', {
      fr: 'Nommez le projet en 1 à 200 caractères.',
      en: 'Name the project in 1 to 200 characters.',
    });
  const market = await em.findOne(Market, { id: input.marketId ?? NUAGE_PUBLIC_MARKET_ID });
  if (!market) throw notFound({ fr: 'Le marché', en: 'The market' }, 'input.marketId');
  const result = await evaluateAnswers(em, input.answers, input.asOf);
  const guidedChoice = em.create(GuidedChoice, {
    projectName,
    market,
    entityId: caller.entityId!,
    entityName: caller.entityName ?? null,
    authorId: caller.userId,
    authorName: caller.name,
    asOf: result.asOf,
    result,
    matchedBrandIds: [...new Set(result.matches.map((m) => m.brandId))],
  });
  em.persist(guidedChoice);
  publish(em, TOPICS.guidedChoiceRecorded, {
    id: guidedChoice.id,
    entityId: caller.entityId!,
    projectName,
    matches: result.matches.map((m) => ({ brandId: m.brandId, solutionId: m.solutionId })),
    report: {
      kind: 'REPORT',
      fileName: paacFileName(guidedChoice.createdAt),
      size: null,
      downloadUrl: reportPath(guidedChoice.id),
      issuedById: guidedChoice.authorId,
      issuedByName: guidedChoice.authorName,
      issuedByRole: caller.role,
      issuedAt: guidedChoice.createdAt.toISOString(),
    },
  } satisfies GuidedChoiceRecorded);
  await em.flush();
  return guidedChoice;
}

/**
 * A recorded evaluation as the caller may read it: a supplier sees only its own brand's pairs,
 * never which competitors were retained or excluded (the others see it whole).
 */
export function resultSeenBy(choice: GuidedChoice, caller: Identity): EvaluationResult {
  if (caller.role !== Role.SUPPLIER) return choice.result;
  const own = (pair: { brandId: string }) => pair.brandId === caller.brandId;
  return {
    ...choice.result,
    matches: choice.result.matches.filter(own),
    exclusions: choice.result.exclusions.filter(own),
  };
}

export const findGuidedChoice = (em: EntityManager, caller: Identity, id: string): Promise<GuidedChoice> =>
  guidedChoicesFor(em, caller).get(id, { populate: ['market'] });

/** The recorded evaluations the caller may read, latest first. */
export function listGuidedChoices(em: EntityManager, caller: Identity, page: PageArgs) {
  return paginate(
    em,
    GuidedChoice,
    guidedChoicesFor(em, caller).where(),
    [{ createdAt: 'desc' }, { id: 'desc' }],
    page,
  );
}

/** A submitted request built on a guided choice addresses its brands: their suppliers may now read it. */
export async function addressGuidedChoice(em: EntityManager, payload: RequestSubmitted): Promise<void> {
  if (!payload.guidedChoiceId) return;
  const choice = await em.findOne(GuidedChoice, { id: payload.guidedChoiceId });
  if (!choice) return;
  choice.addressedBrandIds = [...new Set([...choice.addressedBrandIds, ...payload.brands.map((b) => b.brandId)])];
  choice.buyer = payload.entity;
}
