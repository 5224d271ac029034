import { pdfDocument, pdfFacts, pdfTable, pdfTitle, PDF_STYLE } from '@nuage/pdf';
import type { GuidedChoice } from '../entities/index.js';
import { Requirement } from './evaluation.js';

/** What the PAAC report prints: plain data, so that a worker thread lays it out. */
export type GuidedChoicePrint = Pick<
  GuidedChoice,
  'projectName' | 'createdAt' | 'authorName' | 'entityName' | 'entityId' | 'asOf' | 'result'
> & { marketName: string };

export const guidedChoicePrint = (choice: GuidedChoice): GuidedChoicePrint => ({
  projectName: choice.projectName,
  createdAt: choice.createdAt,
  authorName: choice.authorName,
  entityName: choice.entityName,
  entityId: choice.entityId,
  asOf: choice.asOf,
  result: choice.result,
  marketName: choice.market.name,
});

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
    Subject: 'Nuage Public',
    CreationDate: choice.createdAt,
  });
  pdfTitle(doc, "Parcours d'Aide Au Choix");
  doc.moveDown(0.8);
  pdfFacts(doc, [
    ['PROJET', choice.projectName],
    ['MARCHÉ', choice.marketName],
    ['DATE', parisTime(choice.createdAt)],
    ['PAR', choice.authorName],
    ['ENTITÉ BÉNÉFICIAIRE', choice.entityName ?? choice.entityId],
    ['CRITÈRES ÉVALUÉS AU', frenchDay(choice.asOf)],
  ]);
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
  doc
    .fillColor(PDF_STYLE.muted)
    .font('Helvetica')
    .fontSize(9)
    .text(`${matches.length} résultat(s) répondant aux critères`);
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
  doc.end();
  return done;
}
