import type { EntityManager } from '@mikro-orm/postgresql';
import { Dec, invalid, notFound, paginate, publish, type Identity, type PageArgs } from '@nuage/platform';
import {
  type Bilingual,
  type BillingPeriod,
  type BillingTiming,
  type BrandChanged,
  type MarketChanged,
  type MarketParties,
  type ProductChanged,
  type SolutionChanged,
  TOPICS,
} from '@nuage/contracts';
import {
  Brand,
  CatalogueChange,
  Certification,
  Market,
  Product,
  Question,
  QuestionOption,
  QuestionRule,
  Solution,
} from '../entities/index.js';
import { assertMay } from './access.js';
import { marketParties } from './report-print.js';

/**
 * The market holder's changes to the catalogue. Each runs in one transaction with the dated record
 * of what changed (before, after, who, why), so a refused change leaves nothing behind and an
 * accepted one is always explained.
 */

type Values = Record<string, unknown>;

const CODE = /^[A-Z0-9][A-Z0-9_]{1,39}$/;
const checkCode = (field: string, code: string) => {
  if (!CODE.test(code))
    throw invalid(field, {
      fr: 'Un code compte de 2 à 40 majuscules, chiffres ou soulignés, par exemple « ISO_27001 ».',
      en: 'A code is 2 to 40 capitals, digits or underscores, e.g. "ISO_27001".',
    });
};
const checkText = (field: string, value: string, max: number) => {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max)
    throw invalid(field, { fr: `Écrivez de 1 à ${max} caractères.`, en: `Write 1 to ${max} characters.` });
  return trimmed;
};
const checkPeriod = (validFrom: string | null, validTo: string | null) => {
  if (validFrom && validTo && validTo < validFrom)
    throw invalid('input.validTo', {
      fr: 'La fin de validité précède son début.',
      en: 'The end of validity comes before its start.',
    });
};

const plain = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** Sets the given values on a row and returns what they were and what they are, for the record. */
function applyValues<T extends object>(row: T, values: Partial<T>): { before: Values; after: Values } {
  const before: Values = {};
  const after: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const current = (row as Values)[key];
    if (JSON.stringify(plain(current)) === JSON.stringify(plain(value))) continue;
    before[key] = plain(current);
    after[key] = plain(value);
    (row as Values)[key] = value;
  }
  if (Object.keys(after).length === 0)
    throw invalid('input', {
      fr: 'Rien à changer : chaque valeur donnée est déjà en vigueur.',
      en: 'Nothing to change: every value given is already in force.',
    });
  return { before, after };
}

/** Tells the other subgraphs (requests keeps a copy to check what buyers select). */
export const announceSolution = (em: EntityManager, solution: Solution) =>
  publish(em, TOPICS.solutionChanged, {
    id: solution.id,
    brandId: solution.brand.id,
    name: solution.name,
    retired: solution.retiredAt !== null,
  } satisfies SolutionChanged);

/** Tells the ordering subgraph who contracts for the brand, for the documents it issues. */
export const announceBrand = (em: EntityManager, brand: Brand) =>
  publish(em, TOPICS.brandChanged, {
    id: brand.id,
    name: brand.name,
    legal: { name: brand.legalName ?? brand.name, registration: brand.registration, address: brand.address },
  } satisfies BrandChanged);

/** A market's columns from its parties. */
export const marketValues = (parties: MarketParties) => ({
  name: parties.marketName,
  reference: parties.marketReference,
  holder: parties.holder.name,
  holderRegistration: parties.holder.registration,
  holderAddress: parties.holder.address,
  purchasingBody: parties.purchasingBody.name,
  purchasingBodyRegistration: parties.purchasingBody.registration,
  purchasingBodyAddress: parties.purchasingBody.address,
});

/** Tells the ordering subgraph a market's parties, for the documents it issues. */
export const announceMarket = (em: EntityManager, market: Market) =>
  publish(em, TOPICS.marketChanged, {
    id: market.id,
    code: market.code,
    ...marketParties(market),
  } satisfies MarketChanged);

export const announceProduct = (em: EntityManager, product: Product) =>
  publish(em, TOPICS.productChanged, {
    id: product.id,
    brandId: product.brand.id,
    solutionId: product.solution?.id ?? null,
    code: product.code,
    designation: product.designation,
    retired: product.retiredAt !== null,
  } satisfies ProductChanged);

interface ChangeRecord {
  subjectType: string;
  subjectId: string;
  action: string;
  before: Values | null;
  after: Values | null;
}

function record(em: EntityManager, caller: Identity, change: ChangeRecord, reason: string | undefined) {
  em.persist(
    em.create(CatalogueChange, {
      ...change,
      authorId: caller.userId,
      authorName: caller.name,
      reason: reason?.trim() || null,
    }),
  );
}

async function mustFind<T extends object>(
  em: EntityManager,
  entity: new () => T,
  id: string,
  what: Bilingual,
  field: string,
): Promise<T> {
  const row = await em.findOne(entity, { id } as never);
  if (!row) throw notFound(what, field);
  return row;
}

export interface BrandChanges {
  tagline?: string;
  description?: string;
  legalCountry?: string;
  /** null: exposure not established. */
  extraEuLegislation?: boolean | null;
  services?: string[];
  legalName?: string;
  registration?: string | null;
  address?: string | null;
}

const optionalText = (field: string, value: string | null | undefined, max: number) =>
  value === undefined || value === null ? value : checkText(field, value, max);

export async function updateBrand(
  em: EntityManager,
  caller: Identity,
  id: string,
  changes: BrandChanges,
  reason?: string,
): Promise<Brand> {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const brand = await mustFind(tx, Brand, id, { fr: 'La marque', en: 'The brand' }, 'id');
    if (changes.tagline !== undefined) changes.tagline = checkText('input.tagline', changes.tagline, 300);
    if (changes.description !== undefined)
      changes.description = checkText('input.description', changes.description, 5000);
    if (changes.legalCountry !== undefined && !/^[A-Z]{2}$/.test(changes.legalCountry))
      throw invalid('input.legalCountry', {
        fr: 'Un code pays ISO 3166, par exemple « FR ».',
        en: 'An ISO 3166 country code, e.g. "FR".',
      });
    for (const [i, code] of (changes.services ?? []).entries()) checkCode(`input.services.${i}`, code);
    if (changes.legalName !== undefined) changes.legalName = checkText('input.legalName', changes.legalName, 200);
    changes.registration = optionalText('input.registration', changes.registration, 80);
    changes.address = optionalText('input.address', changes.address, 300);
    const { before, after } = applyValues(brand, changes);
    record(tx, caller, { subjectType: 'BRAND', subjectId: brand.id, action: 'brand.updated', before, after }, reason);
    if (['legalName', 'registration', 'address'].some((key) => key in after)) announceBrand(tx, brand);
    return brand;
  });
}

export interface MarketChanges {
  reference?: string;
  holderRegistration?: string | null;
  holderAddress?: string | null;
  purchasingBodyRegistration?: string | null;
  purchasingBodyAddress?: string | null;
}

/** The market holder completes or corrects the parties of a market that documents print. */
export async function updateMarket(
  em: EntityManager,
  caller: Identity,
  id: string,
  changes: MarketChanges,
  reason?: string,
): Promise<Market> {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const market = await mustFind(tx, Market, id, { fr: 'Le marché', en: 'The market' }, 'input.id');
    if (changes.reference !== undefined) changes.reference = checkText('input.reference', changes.reference, 80);
    for (const key of ['holderRegistration', 'purchasingBodyRegistration'] as const)
      changes[key] = optionalText(`input.${key}`, changes[key], 80);
    for (const key of ['holderAddress', 'purchasingBodyAddress'] as const)
      changes[key] = optionalText(`input.${key}`, changes[key], 300);
    const { before, after } = applyValues(market, changes);
    record(
      tx,
      caller,
      { subjectType: 'MARKET', subjectId: market.id, action: 'market.updated', before, after },
      reason,
    );
    announceMarket(tx, market);
    return market;
  });
}

export interface SolutionValues {
  name?: string;
  description?: string;
  serviceCategories?: string[];
  /** true: withdraw it from the market; false: offer it again. */
  retired?: boolean;
}

function checkSolutionValues(values: SolutionValues) {
  const checked: Partial<Solution> = {};
  if (values.name !== undefined) checked.name = checkText('input.name', values.name, 200);
  if (values.description !== undefined) checked.description = checkText('input.description', values.description, 5000);
  if (values.serviceCategories !== undefined) {
    for (const [i, code] of values.serviceCategories.entries()) checkCode(`input.serviceCategories.${i}`, code);
    checked.serviceCategories = [...new Set(values.serviceCategories)];
  }
  return checked;
}

async function assertNameFree(em: EntityManager, brand: Brand, name: string | undefined, except?: string) {
  if (name === undefined) return;
  const clash = await em.findOne(Solution, { brand, name, ...(except ? { id: { $ne: except } } : {}) });
  if (clash)
    throw invalid('input.name', {
      fr: `${brand.name} propose déjà une solution nommée « ${name} ».`,
      en: `${brand.name} already offers a solution named "${name}".`,
    });
}

export async function addSolution(
  em: EntityManager,
  caller: Identity,
  brandId: string,
  values: Required<Omit<SolutionValues, 'retired'>>,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const brand = await mustFind(tx, Brand, brandId, { fr: 'La marque', en: 'The brand' }, 'input.brandId');
    const checked = checkSolutionValues(values);
    await assertNameFree(tx, brand, checked.name);
    const solution = tx.create(Solution, {
      brand,
      name: checked.name!,
      description: checked.description!,
      serviceCategories: checked.serviceCategories!,
    });
    tx.persist(solution);
    announceSolution(tx, solution);
    record(
      tx,
      caller,
      {
        subjectType: 'SOLUTION',
        subjectId: solution.id,
        action: 'solution.added',
        before: null,
        after: { brand: brand.name, ...checked },
      },
      reason,
    );
    return solution;
  });
}

export async function updateSolution(
  em: EntityManager,
  caller: Identity,
  id: string,
  values: SolutionValues,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const solution = await tx.findOne(Solution, { id }, { populate: ['brand'] });
    if (!solution) throw notFound({ fr: 'La solution', en: 'The solution' }, 'id');
    const checked = checkSolutionValues(values);
    await assertNameFree(tx, solution.brand, checked.name, solution.id);
    if (values.retired !== undefined && values.retired !== (solution.retiredAt !== null))
      checked.retiredAt = values.retired ? new Date() : null;
    const { before, after } = applyValues(solution, checked);
    const action =
      'retiredAt' in after ? (values.retired ? 'solution.retired' : 'solution.reinstated') : 'solution.updated';
    announceSolution(tx, solution);
    record(tx, caller, { subjectType: 'SOLUTION', subjectId: solution.id, action, before, after }, reason);
    return solution;
  });
}

export interface CertificationValues {
  code: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}

export async function addCertification(
  em: EntityManager,
  caller: Identity,
  solutionId: string,
  values: CertificationValues,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const solution = await mustFind(
      tx,
      Solution,
      solutionId,
      { fr: 'La solution', en: 'The solution' },
      'input.solutionId',
    );
    checkCode('input.code', values.code);
    checkPeriod(values.validFrom, values.validTo);
    const certification = tx.create(Certification, { solution, ...values });
    tx.persist(certification);
    record(
      tx,
      caller,
      {
        subjectType: 'CERTIFICATION',
        subjectId: certification.id,
        action: 'certification.added',
        before: null,
        after: { solution: solution.name, ...values },
      },
      reason,
    );
    return certification;
  });
}

export async function updateCertification(
  em: EntityManager,
  caller: Identity,
  id: string,
  values: Partial<Omit<CertificationValues, 'code'>>,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const certification = await mustFind(
      tx,
      Certification,
      id,
      { fr: 'La certification', en: 'The certification' },
      'id',
    );
    checkPeriod(
      values.validFrom === undefined ? certification.validFrom : values.validFrom,
      values.validTo === undefined ? certification.validTo : values.validTo,
    );
    const { before, after } = applyValues(certification, values);
    record(
      tx,
      caller,
      { subjectType: 'CERTIFICATION', subjectId: certification.id, action: 'certification.updated', before, after },
      reason,
    );
    return certification;
  });
}

export interface OptionValues {
  code: string;
  labelFr: string;
  labelEn: string;
  /** What is tested; the option's code by default. */
  criterion?: string;
}

/** Adds an option to a certification or service question; exposure options are the rule itself. */
export async function addQuestionOption(
  em: EntityManager,
  caller: Identity,
  questionCode: string,
  values: OptionValues,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const question = await tx.findOne(Question, { code: questionCode });
    if (!question)
      throw notFound({ fr: `La question « ${questionCode} »`, en: `The question "${questionCode}"` }, 'input.question');
    if (question.rule === QuestionRule.EXPOSURE)
      throw invalid('input.question', {
        fr: "Les options de la question sur l'exposition sont fixes : chacune est une règle de l'évaluation.",
        en: 'The options of the exposure question are fixed: each one is a rule of the evaluation.',
      });
    checkCode('input.code', values.code);
    const criterion = values.criterion ?? values.code;
    checkCode('input.criterion', criterion);
    if (await tx.findOne(QuestionOption, { question, code: values.code }))
      throw invalid('input.code', {
        fr: `La question a déjà une option « ${values.code} » (les options retirées gardent leur code).`,
        en: `The question already has an option "${values.code}" (retired options keep their code).`,
      });
    const last = await tx.findOne(QuestionOption, { question }, { orderBy: { position: 'desc' } });
    const option = tx.create(QuestionOption, {
      question,
      code: values.code,
      labelFr: checkText('input.labelFr', values.labelFr, 200),
      labelEn: checkText('input.labelEn', values.labelEn, 200),
      criterion,
      position: (last?.position ?? 0) + 1,
    });
    tx.persist(option);
    record(
      tx,
      caller,
      {
        subjectType: 'QUESTION_OPTION',
        subjectId: option.id,
        action: 'option.added',
        before: null,
        after: {
          question: question.code,
          code: option.code,
          labelFr: option.labelFr,
          labelEn: option.labelEn,
          criterion,
        },
      },
      reason,
    );
    return option;
  });
}

/** Retires an option: buyers no longer see it; evaluations recorded with it keep it. */
export async function retireQuestionOption(
  em: EntityManager,
  caller: Identity,
  questionCode: string,
  optionCode: string,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const option = await tx.findOne(
      QuestionOption,
      { question: { code: questionCode }, code: optionCode },
      { populate: ['question'] },
    );
    if (!option)
      throw notFound(
        {
          fr: `L'option « ${optionCode} » de « ${questionCode} »`,
          en: `The option "${optionCode}" of "${questionCode}"`,
        },
        'input.option',
      );
    if (option.retiredAt)
      throw invalid('input.option', { fr: 'Cette option est déjà retirée.', en: 'This option is already retired.' });
    const { before, after } = applyValues(option, { retiredAt: new Date() });
    record(
      tx,
      caller,
      { subjectType: 'QUESTION_OPTION', subjectId: option.id, action: 'option.retired', before, after },
      reason,
    );
    return option;
  });
}

export interface ProductValues {
  code?: string;
  designation?: string;
  unit?: string;
  commitmentMonths?: number | null;
  billingPeriod?: BillingPeriod;
  billingTiming?: BillingTiming;
  /** null: "sur cotation". */
  listPrice?: string | null;
  discountPercent?: string | null;
  retired?: boolean;
}

function checkProductValues(values: ProductValues): Partial<Product> {
  const checked: Partial<Product> = {};
  if (values.code !== undefined) {
    if (!/^\d{6,12}$/.test(values.code))
      throw invalid('input.code', {
        fr: 'Une référence produit compte de 6 à 12 chiffres, par exemple « 145897 ».',
        en: 'A product reference is 6 to 12 digits, e.g. "145897".',
      });
    checked.code = values.code;
  }
  if (values.designation !== undefined) checked.designation = checkText('input.designation', values.designation, 300);
  if (values.unit !== undefined) checked.unit = checkText('input.unit', values.unit, 60);
  if (values.commitmentMonths !== undefined) {
    if (values.commitmentMonths !== null && (values.commitmentMonths < 1 || values.commitmentMonths > 120))
      throw invalid('input.commitmentMonths', {
        fr: 'Un engagement dure de 1 à 120 mois.',
        en: 'A commitment lasts 1 to 120 months.',
      });
    checked.commitmentMonths = values.commitmentMonths;
  }
  if (values.billingPeriod !== undefined) checked.billingPeriod = values.billingPeriod;
  if (values.billingTiming !== undefined) checked.billingTiming = values.billingTiming;
  if (values.listPrice !== undefined) {
    if (values.listPrice !== null && new Dec(values.listPrice).isNegative())
      throw invalid('input.listPrice', {
        fr: "Un prix public n'est pas négatif.",
        en: 'A list price is not negative.',
      });
    checked.listPrice = values.listPrice === null ? null : new Dec(values.listPrice).toFixed(2);
    // A price set by the market holder is the market's, not illustrative seed data.
    checked.illustrativePrice = false;
  }
  if (values.discountPercent !== undefined) {
    const discount = values.discountPercent === null ? null : new Dec(values.discountPercent);
    if (discount && (discount.isNegative() || discount.greaterThan(100)))
      throw invalid('input.discountPercent', {
        fr: 'Une remise est comprise entre 0 et 100 %.',
        en: 'A discount is between 0 and 100 %.',
      });
    checked.discountPercent = discount === null ? null : discount.toFixed(2);
  }
  return checked;
}

export async function addProduct(
  em: EntityManager,
  caller: Identity,
  brandId: string,
  solutionId: string | null,
  values: ProductValues,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const brand = await mustFind(tx, Brand, brandId, { fr: 'La marque', en: 'The brand' }, 'input.brandId');
    const solution = solutionId ? await tx.findOne(Solution, { id: solutionId }) : null;
    if (solutionId && !solution) throw notFound({ fr: 'La solution', en: 'The solution' }, 'input.solutionId');
    if (solution && solution.brand.id !== brand.id)
      throw invalid('input.solutionId', {
        fr: `Cette solution n'est pas une solution de ${brand.name}.`,
        en: `This solution is not one of ${brand.name}'s.`,
      });
    const checked = checkProductValues(values);
    if (await tx.findOne(Product, { code: checked.code! }))
      throw invalid('input.code', {
        fr: `La référence ${checked.code} est déjà au bordereau de prix.`,
        en: `The reference ${checked.code} is already in the price list.`,
      });
    const product = tx.create(Product, {
      brand,
      solution,
      ...(checked as Required<Pick<Product, 'code' | 'designation' | 'unit' | 'billingPeriod' | 'billingTiming'>>),
      commitmentMonths: checked.commitmentMonths ?? null,
      listPrice: checked.listPrice ?? null,
      discountPercent: checked.discountPercent ?? null,
      illustrativePrice: false,
    });
    tx.persist(product);
    announceProduct(tx, product);
    record(
      tx,
      caller,
      {
        subjectType: 'PRODUCT',
        subjectId: product.id,
        action: 'product.added',
        before: null,
        after: { brand: brand.name, ...checked },
      },
      reason,
    );
    return product;
  });
}

export async function updateProduct(
  em: EntityManager,
  caller: Identity,
  id: string,
  values: ProductValues,
  reason?: string,
) {
  assertMay(caller, 'catalogue:edit');
  return em.transactional(async (tx) => {
    const product = await mustFind(tx, Product, id, { fr: 'Le produit', en: 'The product' }, 'id');
    const checked = checkProductValues({ ...values, code: undefined });
    if (values.retired !== undefined && values.retired !== (product.retiredAt !== null))
      checked.retiredAt = values.retired ? new Date() : null;
    const { before, after } = applyValues(product, checked);
    const action =
      'retiredAt' in after ? (values.retired ? 'product.retired' : 'product.reinstated') : 'product.updated';
    announceProduct(tx, product);
    record(tx, caller, { subjectType: 'PRODUCT', subjectId: product.id, action, before, after }, reason);
    return product;
  });
}

/** The dated history of the catalogue, latest first; for one thing when `subjectId` is given. */
export function listChanges(em: EntityManager, subjectId: string | undefined, page: PageArgs) {
  return paginate(em, CatalogueChange, subjectId ? { subjectId } : {}, [{ createdAt: 'desc' }, { id: 'desc' }], page);
}
