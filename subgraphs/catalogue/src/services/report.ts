import { documentParties, pdfDocument, pdfEnd, pdfFacts, pdfParties, pdfTable, pdfText, pdfTitle } from '@nuage/pdf';
import type { MarketParties } from '@nuage/contracts';
import type { GuidedChoice, Market } from '../entities/index.js';
import { Requirement } from './evaluation.js';

/** What the PAAC report prints: plain data, so that a worker thread lays it out. */
export type GuidedChoicePrint = Pick<
  GuidedChoice,
  'projectName' | 'createdAt' | 'authorName' | 'entityName' | 'entityId' | 'asOf' | 'result' | 'buyer'
> & { market: MarketParties };

/** A market's parties as documents print them. */
export const marketParties = (market: Market): MarketParties => ({
  marketName: market.name,
  marketReference: market.reference,
  holder: { name: market.holder, registration: market.holderRegistration, address: market.holderAddress },
  purchasingBody: {
    name: market.purchasingBody,
    registration: market.purchasingBodyRegistration,
    address: market.purchasingBodyAddress,
  },
});

export const guidedChoicePrint = (choice: GuidedChoice): GuidedChoicePrint => ({
  projectName: choice.projectName,
  createdAt: choice.createdAt,
  authorName: choice.authorName,
  entityName: choice.entityName,
  entityId: choice.entityId,
  asOf: choice.asOf,
  result: choice.result,
  buyer: choice.buyer,
  market: marketParties(choice.market),
});

/** Where the gateway serves a recorded evaluation's PAAC report (GET with the caller's bearer token). */
export const reportPath = (id: string) => `/downloads/catalogue/guided-choices/${id}/report.pdf`;

const stampFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

/** The report's name as the portal gives it: `PAAC-<yyyyMMddHHmmssSSS>.pdf`, Paris time of the evaluation. */
export function paacFileName(recordedAt: Date): string {
  const part = Object.fromEntries(stampFormat.formatToParts(recordedAt).map((p) => [p.type, p.value]));
  return `PAAC-${part.year}${part.month}${part.day}${part.hour}${part.minute}${part.second}${part.fractionalSecond}.pdf`;
}

const parisTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const parisTime = (date: Date) => parisTimeFormat.format(date);
const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The PAAC report as the guide shows it: project, market, date, author, entity, the answers
 * (question, answer, required, desired) and the retained brands and solutions.
 */
export function renderGuidedChoiceReport(choice: GuidedChoicePrint): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    Title: `Parcours d'Aide Au Choix — ${choice.projectName}`,
    Author: choice.authorName,
    Subject: choice.market.marketName,
    CreationDate: choice.createdAt,
  });
  pdfTitle(doc, "Parcours d'Aide Au Choix");
  doc.moveDown(0.8);
  pdfFacts(doc, [
    ['PROJET', choice.projectName],
    ['MARCHÉ', `${choice.market.marketName} (réf. ${choice.market.marketReference})`],
    ['DATE', parisTime(choice.createdAt)],
    ['PAR', choice.authorName],
    ['CRITÈRES ÉVALUÉS AU', frenchDay(choice.asOf)],
  ]);
  pdfParties(
    doc,
    documentParties({ buyer: choice.buyer ?? { name: choice.entityName ?? choice.entityId }, market: choice.market }),
  );
  doc.moveDown(0.6);

  const { answers, matches } = choice.result;
  const tick = (on: boolean) => (on ? 'X' : '');
  pdfTable(
    doc,
    [
      { title: 'Question', width: 170 },
      { title: 'Réponse', width: 205 },
      { title: 'Exigé', width: 60 },
      { title: 'Souhaité', width: 60 },
    ],
    answers.map((a) => [
      a.questionLabel.fr,
      a.exceptBrands.length
        ? `${a.optionLabel.fr} : ${a.exceptBrands.map((b) => b.name).join(', ')}`
        : a.optionLabel.fr,
      tick(a.requirement === Requirement.REQUIRED),
      tick(a.requirement === Requirement.DESIRED),
    ]),
  );

  doc.moveDown(1.2);
  pdfTitle(doc, 'Liste des marques / solutions', 13);
  pdfText(doc, `${matches.length} résultat(s) répondant aux critères`, { size: 9, muted: true });
  doc.moveDown(0.5);
  const desired = answers.some((a) => a.requirement === Requirement.DESIRED);
  pdfTable(
    doc,
    [
      { title: 'Marque', width: 150 },
      { title: 'Solution', width: 245 },
      { title: desired ? 'Souhaités' : '', width: 100 },
    ],
    matches.map((m) => [m.brandName, m.solutionName, desired ? `${m.desiredMet} / ${m.desiredCount}` : '']),
  );
  pdfEnd(doc, `Parcours d'Aide Au Choix — ${choice.projectName} — ${paacFileName(choice.createdAt)}`);
  return done;
}
