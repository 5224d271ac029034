import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, stableId } from '@nuage/platform';
import { Brand, Certification, Market, Product, Question, QuestionOption, Solution } from '../entities/index.js';
import {
  announceBrand,
  announceMarket,
  announceProduct,
  announceSolution,
  marketValues,
} from '../services/catalogue-changes.js';
import { TOPICS } from '@nuage/contracts';
import { LEGAL_IDENTITIES, MARKETS } from './legal-identities.js';
import { CATALOGUE_FACTS as facts, slugOf } from '@nuage/fixtures';
import { QUESTIONNAIRE } from './questionnaire.js';
import { productsOf } from './products.js';

interface BrandFacts {
  brand: string;
  legalEntityCountry: string;
  extraEuLegislation: boolean | 'unknown';
  certifications: string[];
  secNumCloud: { qualifiedOffer: string; since: string; source: string } | null;
  solutions: { name: string; description: string; serviceCategories: string[] }[];
  services: string[];
  sources: string[];
}

/**
 * The SecNumCloud qualification is granted offer by offer. The facts file says which offer in prose;
 * this table reads it once: the qualified solution and the first day we hold it as valid.
 */
const SECNUMCLOUD: Record<string, { solution: string; validFrom: string; note: string }> = {
  '3DS OUTSCALE': {
    solution: 'Outscale Cloud Secteur Public SecNumCloud',
    validFrom: '2023-12-01',
    note: 'Qualified before 2024; exact month unconfirmed.',
  },
  OVHCLOUD: {
    solution: 'OVH Private Cloud SecNumCloud',
    validFrom: '2023-12-01',
    note: 'Private Cloud qualified before 2024; exact month unconfirmed.',
  },
  'CLOUD TEMPLE': { solution: 'Cloud Temple', validFrom: '2022-01-01', note: 'Qualified in 2022; day unconfirmed.' },
  S3NS: { solution: 'PREMI3NS', validFrom: '2025-12-17', note: 'Qualification announced on 2025-12-17.' },
};

/**
 * Loads the market's catalogue from public facts. Idempotent: rows are keyed by stable ids and only
 * inserted when missing, so a market holder's later corrections are never overwritten.
 */
export async function seedCatalogue(em: EntityManager): Promise<void> {
  const existing = new Set(
    (
      await sql<{ id: string }[]>(
        em,
        'select id from brand union all select id from solution union all select id from market union all select id from question union all select id from question_option union all select id from product',
      )
    ).map((r) => r.id),
  );
  seedQuestionnaire(em, existing);
  for (const market of MARKETS) {
    const id = stableId('market', market.code);
    if (!existing.has(id)) em.persist(em.create(Market, { id, code: market.code, ...marketValues(market) }));
  }
  await completePartiesOfEarlierSeeds(em);
  for (const fact of facts as BrandFacts[]) {
    const brandId = stableId('brand', fact.brand);
    if (existing.has(brandId)) continue;
    const unknownExposure = fact.extraEuLegislation === 'unknown';
    const brand = em.create(Brand, {
      id: brandId,
      name: fact.brand,
      slug: slugOf(fact.brand),
      tagline: `${fact.brand} — ${fact.solutions.map((s) => s.name).join(', ')}`,
      description: fact.solutions.map((s) => `${s.name}: ${s.description}.`).join(' '),
      legalCountry: fact.legalEntityCountry,
      extraEuLegislation: unknownExposure ? null : (fact.extraEuLegislation as boolean),
      services: fact.services,
      legalName: LEGAL_IDENTITIES[fact.brand]?.name ?? null,
      registration: LEGAL_IDENTITIES[fact.brand]?.registration ?? null,
      address: LEGAL_IDENTITIES[fact.brand]?.address ?? null,
      sources: [...fact.sources, ...(fact.secNumCloud ? [fact.secNumCloud.source] : [])],
    });
    em.persist(brand);
    const qualified = SECNUMCLOUD[fact.brand];
    for (const offer of fact.solutions) {
      const solution = em.create(Solution, {
        id: stableId('solution', `${fact.brand}/${offer.name}`),
        brand,
        name: offer.name,
        description: offer.description,
        serviceCategories: offer.serviceCategories,
      });
      em.persist(solution);
      // Brand-wide certifications cover every solution; SecNumCloud only the qualified offer.
      for (const code of fact.certifications.filter((c) => c !== 'SECNUMCLOUD')) {
        em.persist(
          em.create(Certification, {
            solution,
            code,
            validFrom: null,
            validTo: null,
            note: 'Held by the brand per public sources; start date not published.',
          }),
        );
      }
      if (qualified?.solution === offer.name) {
        em.persist(
          em.create(Certification, {
            solution,
            code: 'SECNUMCLOUD',
            validFrom: qualified.validFrom,
            validTo: null,
            note: qualified.note,
          }),
        );
      }
    }
  }
  // After the brands and solutions, so that their references are the rows just created.
  seedProducts(em, existing);
  await em.flush();
  await announceEverythingOnce(em);
}

/**
 * The first time the catalogue has an event channel, it tells the other subgraphs about every
 * solution and product it holds (seeded now or before), so their copies start complete; and the
 * first time it has a topic for the parties of documents, about every brand and market.
 */
async function announceEverythingOnce(em: EntityManager) {
  const announced = async (topic?: string) =>
    (
      await sql<{ any: boolean }[]>(
        em,
        `select exists (select 1 from event_outbox${topic ? ' where topic = ?' : ''}) as any`,
        topic ? [topic] : [],
      )
    )[0]?.any;
  if (!(await announced())) {
    for (const solution of await em.find(Solution, {})) announceSolution(em, solution);
    for (const product of await em.find(Product, {})) announceProduct(em, product);
  }
  if (!(await announced(TOPICS.brandChanged))) {
    for (const brand of await em.find(Brand, {})) announceBrand(em, brand);
    for (const market of await em.find(Market, {})) announceMarket(em, market);
  }
  await em.flush();
}

/**
 * Brands and markets seeded before documents named their parties get them now; what the market
 * holder has entered since is kept.
 */
async function completePartiesOfEarlierSeeds(em: EntityManager) {
  for (const market of await em.find(Market, { reference: '' })) {
    const seeded = MARKETS.find((m) => m.code === market.code);
    if (seeded) Object.assign(market, marketValues(seeded));
  }
  for (const brand of await em.find(Brand, { legalName: null })) {
    const identity = LEGAL_IDENTITIES[brand.name];
    if (identity)
      Object.assign(brand, {
        legalName: identity.name,
        registration: identity.registration,
        address: identity.address,
      });
  }
}

/** The questions and options of the guide; only missing ones are added (retired options stay retired). */
function seedQuestionnaire(em: EntityManager, existing: Set<string>) {
  QUESTIONNAIRE.forEach((seed, position) => {
    const id = stableId('question', seed.code);
    const question = existing.has(id)
      ? em.getReference(Question, id)
      : em.create(Question, {
          id,
          code: seed.code,
          labelFr: seed.fr,
          labelEn: seed.en,
          position: position + 1,
          mandatory: seed.mandatory,
          multiple: seed.multiple,
          rule: seed.rule,
        });
    em.persist(question);
    seed.options.forEach((option, optionPosition) => {
      const optionId = stableId('question-option', `${seed.code}/${option.code}`);
      if (existing.has(optionId)) return;
      em.persist(
        em.create(QuestionOption, {
          id: optionId,
          question,
          code: option.code,
          labelFr: option.fr,
          labelEn: option.en,
          criterion: option.criterion ?? option.code,
          position: optionPosition + 1,
        }),
      );
    });
  });
}

/**
 * The illustrative price list: each brand's subscription at 145891 + its rank (OVHCLOUD's is
 * 145897, as in the guide), its solutions' products from 146000 + 20 per brand.
 */
function seedProducts(em: EntityManager, existing: Set<string>) {
  (facts as BrandFacts[]).forEach((fact, brandIndex) => {
    productsOf(
      fact.brand,
      fact.solutions.map((s) => s.name),
    ).forEach((product, i) => {
      const code = String(i === 0 ? 145_891 + brandIndex : 146_000 + brandIndex * 20 + i);
      const id = stableId('product', code);
      if (existing.has(id)) return;
      em.persist(
        em.create(Product, {
          ...product,
          id,
          code,
          brand: em.getReference(Brand, stableId('brand', fact.brand)),
          solution:
            product.solution === null
              ? null
              : em.getReference(Solution, stableId('solution', `${fact.brand}/${product.solution}`)),
          illustrativePrice: true,
        }),
      );
    });
  });
}
